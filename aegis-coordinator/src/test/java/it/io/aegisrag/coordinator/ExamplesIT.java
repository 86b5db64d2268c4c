package it.io.aegisrag.coordinator;

import io.aegisrag.coordinator.docs.Repository;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curl examples of README.md, docs/api.md and docs/clients.md, run in their order against the test server (with
 * its admin key): each must answer with the status its reply shows (a problem's {@code "status"}, a
 * comment's {@code # 204}; else a 2xx) and with every top-level field of the reply shown, every SSE
 * event shown, every metric line shown. Ids that a reply shows stand for the ids the server gave, in
 * the examples after it. An example that sends a local file (`@file`, `-F`) or names an elided id
 * (`3c2e…`) cannot run here and is left out. The documents they ingest are deleted afterwards.
 */
class ExamplesIT {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ID_FIELD = Pattern.compile("\"([a-z_]+)\":\"(" + UUID.pattern() + ")\"");
    private static final Pattern PROBLEM_STATUS = Pattern.compile("^\\{.*\"status\":(\\d{3})[,}]", Pattern.DOTALL);
    private static final Pattern COMMENTED_STATUS = Pattern.compile("^(\\d{3})\\b");
    private static final List<String> PAGES = List.of("README.md", "docs/api.md", "docs/clients.md");

    /** A curl command of a page and the reply shown under it. */
    record Example(String page, int line, List<String> words, String shown) {

        String name() {
            return page + ":" + line + " " + String.join(" ", words).replaceAll("\\s+", " ");
        }
    }

    /** A request a curl command makes, and what of its reply is compared with the reply shown. */
    record Curl(String method, String url, Map<String, String> headers, Optional<String> body, Optional<String> grep) {
    }

    /** The documents the examples ingested: the other tests share the server and must not find them. */
    private static final Set<String> INGESTED = new LinkedHashSet<>();

    private final Map<String, String> ids = new HashMap<>();

    @AfterAll
    static void deleteWhatTheExamplesIngested() {
        INGESTED.forEach(id -> AegisClient.delete("/api/v1/documents/" + id));
    }

    @TestFactory
    Stream<DynamicTest> should_answer_every_example_as_the_page_shows() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (String page : PAGES) {
            examples.addAll(examples(page));
        }
        List<Example> runnable = examples.stream().filter(ExamplesIT::isRunnable).toList();
        assertThat(runnable).as("examples that can run here").hasSizeGreaterThanOrEqualTo(15);
        return runnable.stream().map(example -> DynamicTest.dynamicTest(example.name(), () -> run(example)));
    }

    private void run(Example example) {
        Curl curl = curl(example.words().stream().map(this::withServerIds).toList());
        HttpRequest.Builder request = HttpRequest.newBuilder(AegisClient.BASE.resolve(curl.url().replaceFirst("^(https?://)?localhost:9080", "")));
        curl.headers().forEach(request::header);
        request.method(curl.method(), curl.body().map(body -> HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .orElse(HttpRequest.BodyPublishers.noBody()));
        AegisClient.Reply reply = AegisClient.send(request, AegisClient.ADMIN_KEY);
        if (curl.method().equals("POST") && curl.url().contains("/api/v1/documents") && reply.status() == 201) {
            INGESTED.add(reply.json().getString("document_id"));
        }

        String shown = example.shown();
        Optional<Integer> status = shownStatus(shown);
        if (status.isPresent()) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(status.get());
        } else {
            assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        }
        if (shown.startsWith("{") || shown.startsWith("[")) {
            JsonStructure json = parse(reply.body());
            assertThat(keys(json)).as(reply.body()).containsAll(topLevelKeys(shown));
            rememberIds(shown, json);
        } else if (shown.startsWith("event:")) {
            for (String line : shown.lines().filter(line -> line.startsWith("event:")).toList()) {
                assertThat(reply.body()).contains(line);
            }
        } else if (curl.grep().isPresent()) {
            for (String line : shown.lines().filter(line -> !line.equals("…") && !line.isBlank()).toList()) {
                assertThat(reply.body()).contains(line.substring(0, line.lastIndexOf(' ')));
            }
        }
    }

    private String withServerIds(String word) {
        String replaced = word;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            replaced = replaced.replace(id.getKey(), id.getValue());
        }
        return replaced;
    }

    private void rememberIds(String shown, JsonStructure json) {
        Matcher field = ID_FIELD.matcher(shown);
        while (field.find()) {
            String key = field.group(1);
            firstString(json, key).ifPresent(actual -> ids.putIfAbsent(field.group(2), actual));
        }
    }

    private static boolean isRunnable(Example example) {
        String command = String.join(" ", example.words());
        return !command.contains("…") && example.words().stream().noneMatch(word -> word.startsWith("@") || word.equals("-F"));
    }

    /** The curl commands of the page's fenced {@code bash} blocks, with the lines shown under each and a trailing comment. */
    private static List<Example> examples(String page) throws IOException {
        List<String> lines = Files.readAllLines(Repository.root().resolve(page));
        List<Example> examples = new ArrayList<>();
        boolean inBash = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inBash = !inBash && line.equals("```bash");
                continue;
            }
            if (!inBash || !line.startsWith("curl ")) {
                continue;
            }
            int start = i;
            StringBuilder command = new StringBuilder(line);
            while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(++i).strip());
            }
            List<String> comment = new ArrayList<>();
            List<String> words = words(command.toString(), comment);
            StringBuilder shown = new StringBuilder(String.join(" ", comment));
            while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("curl ") && !lines.get(i + 1).startsWith("```")) {
                shown.append(shown.isEmpty() ? "" : "\n").append(lines.get(++i));
            }
            examples.add(new Example(page, start + 1, words, shown.toString().strip()));
        }
        return examples;
    }

    /** The words of a shell command as bash splits them ('…', "…", $'…' with its escapes); a {@code #} word starts the comment. */
    private static List<String> words(String command, List<String> comment) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                comment.add(command.substring(i + 1).strip());
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                if (c == '\'') {
                    int end = command.indexOf('\'', i + 1);
                    word.append(command, i + 1, end);
                    i = end;
                } else if (c == '"') {
                    int end = command.indexOf('"', i + 1);
                    word.append(command, i + 1, end);
                    i = end;
                } else if (c == '$' && i + 1 < command.length() && command.charAt(i + 1) == '\'') {
                    i += 2;
                    for (; command.charAt(i) != '\''; i++) {
                        char quoted = command.charAt(i);
                        if (quoted == '\\') {
                            char escaped = command.charAt(++i);
                            word.append(switch (escaped) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                default -> escaped;
                            });
                        } else {
                            word.append(quoted);
                        }
                    }
                } else {
                    word.append(c);
                }
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** The request of curl's options that the examples use; a pipe into {@code grep} keeps its pattern. */
    private static Curl curl(List<String> words) {
        String method = null;
        String url = null;
        Map<String, String> headers = new LinkedHashMap<>();
        String body = null;
        String grep = null;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-s", "-sN", "-N" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String header = words.get(++i);
                    int colon = header.indexOf(':');
                    if (!header.substring(0, colon).equalsIgnoreCase("Authorization")) {
                        headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
                    }
                }
                case "-d", "--data-binary" -> body = words.get(++i);
                case "|" -> {
                    grep = words.get(words.size() - 1);
                    i = words.size();
                }
                default -> {
                    if (word.startsWith("-X")) {
                        method = word.substring(2);
                    } else if (word.startsWith("-")) {
                        throw new IllegalArgumentException("an option the examples test does not know: " + word);
                    } else {
                        url = word;
                    }
                }
            }
        }
        return new Curl(method != null ? method : body != null ? "POST" : "GET", url, headers, Optional.ofNullable(body), Optional.ofNullable(grep));
    }

    /** The status a reply shown says: a problem's {@code "status":NNN} or a comment that starts with one. */
    private static Optional<Integer> shownStatus(String shown) {
        Matcher problem = PROBLEM_STATUS.matcher(shown);
        if (problem.find()) {
            return Optional.of(Integer.valueOf(problem.group(1)));
        }
        Matcher comment = COMMENTED_STATUS.matcher(shown);
        return comment.find() ? Optional.of(Integer.valueOf(comment.group(1))) : Optional.empty();
    }

    /** The keys of the shown reply's outermost object (or of the objects of its outermost array), read past the elisions ({@code …}). */
    private static Set<String> topLevelKeys(String shown) {
        Set<String> keys = new LinkedHashSet<>();
        int depth = 0;
        boolean outermostArray = shown.startsWith("[");
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '"') {
                int end = shown.indexOf('"', i + 1);
                if (end < 0) {
                    break;
                }
                if (depth == (outermostArray ? 2 : 1) && end + 1 < shown.length() && shown.charAt(end + 1) == ':') {
                    keys.add(shown.substring(i + 1, end));
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return keys;
    }

    private static Set<String> keys(JsonStructure json) {
        Set<String> keys = new LinkedHashSet<>();
        if (json instanceof JsonObject object) {
            keys.addAll(object.keySet());
        } else if (json instanceof JsonArray array) {
            array.stream().filter(JsonObject.class::isInstance).forEach(item -> keys.addAll(item.asJsonObject().keySet()));
        }
        return keys;
    }

    private static Optional<String> firstString(JsonValue json, String key) {
        if (json instanceof JsonObject object) {
            if (object.get(key) instanceof JsonString string) {
                return Optional.of(string.getString());
            }
            return object.values().stream().map(value -> firstString(value, key)).flatMap(Optional::stream).findFirst();
        }
        if (json instanceof JsonArray array) {
            return array.stream().map(value -> firstString(value, key)).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    private static JsonStructure parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

}

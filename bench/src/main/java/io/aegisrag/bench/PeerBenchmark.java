package io.aegisrag.bench;

import io.aegisrag.retrieval.evaluation.EvaluationCorpus;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service against the library a team would otherwise use, in one run on one machine: the
 * service (started by bench/run.sh peer on Liberty) ingests the corpus over REST and answers each
 * question once over REST, through one kept-alive connection as a client would; LangChain4j Easy RAG
 * (bench/peer, run just before on its own class path) did the same in process and left its figures
 * and passages in a JSON file. Both are scored by the same code: a result answers a question when
 * its text contains the question's passage.
 * <p>Usage: {@code PeerBenchmark SERVICE_URL PEER_JSON WARMUP_TSV WARMUP_QUESTIONS ROUNDS}, with
 * {@code -Dquality.corpus} and {@code -Dquality.questions} naming the corpus and the questions: first
 * {@code WARMUP_QUESTIONS} questions of {@code WARMUP_TSV}, numbered so that none repeats, then the
 * measured questions {@code ROUNDS} times over, as written and then numbered (EasyRagPeer words them
 * alike); recall and MRR are those of the questions as written, the latencies those of every round.
 */
public final class PeerBenchmark {

    private static final int DEPTH = 10;
    /** How long the service is left alone after ingesting: its idle merge starts 30 s after the last write. */
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String QUERY_STAGES = "aegis_query_latency_seconds";
    private static final String INGESTION_STAGES = "aegis_ingestion_stage_seconds";

    private record Side(String name, double ingestionSeconds, int documents, String pieces, List<Double> millis, RankingMetrics quality) {
    }

    private PeerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI service = URI.create(args[0]);
        Path corpus = Path.of(System.getProperty("quality.corpus"));
        Path questionsFile = Path.of(System.getProperty("quality.questions"));
        List<EvaluationQuestion> questions = EvaluationQuestion.read(questionsFile);
        List<EvaluationQuestion> warmups = EvaluationQuestion.read(Path.of(args[2]));
        int warmup = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Side peer = peer(Path.of(args[1]), questions);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<EvaluationCorpus.CorpusDocument> documents = EvaluationCorpus.read(corpus);
        Map<String, double[]> ingestionBefore = stages(http, service, INGESTION_STAGES);
        long start = System.nanoTime();
        int chunks = 0;
        for (EvaluationCorpus.CorpusDocument document : documents) {
            HttpResponse<String> created = send(http, HttpRequest.newBuilder(service.resolve("/api/v1/documents?title="
                            + URLEncoder.encode(document.title(), StandardCharsets.UTF_8) + "&source=" + URLEncoder.encode(document.path(), StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString(document.text())).build(), 201);
            chunks += json(created.body()).getInt("chunks");
        }
        double ingestionSeconds = (System.nanoTime() - start) / 1e9;
        List<List<String>> ingestionStages = means(ingestionBefore, stages(http, service, INGESTION_STAGES), 1);
        Thread.sleep(SETTLE.toMillis());
        for (int i = 0; i < warmup; i++) {
            ask(service, numbered(warmups.get(i % warmups.size()).question(), i / warmups.size()));
        }
        Map<String, double[]> queryBefore = stages(http, service, QUERY_STAGES);
        List<Double> millis = new ArrayList<>();
        RankingMetrics quality = new RankingMetrics();
        for (int round = 0; round < rounds; round++) {
            for (EvaluationQuestion question : questions) {
                long asked = System.nanoTime();
                String reply = ask(service, numbered(question.question(), round));
                millis.add((System.nanoTime() - asked) / 1e6);
                if (round == 0) {
                    quality.add(json(reply).getJsonArray("sources").getValuesAs(JsonObject.class).stream()
                            .map(source -> question.isAnsweredBy(source.getString("text"))).toList());
                }
            }
        }
        List<List<String>> queryStages = means(queryBefore, stages(http, service, QUERY_STAGES), 1000);
        Side ours = new Side("AegisRAG over REST (`POST /api/v1/query`, top_k 10)", ingestionSeconds, documents.size(), chunks + " chunks",
                millis, quality);
        report(corpus, questionsFile, questions.size(), "answers " + warmup + " warm-up questions first (those of " + args[2]
                + ", numbered so that none repeats: another corpus's questions, none of the measured ones), then the measured questions "
                + rounds + " times over", ours, peer, queryStages, ingestionStages);
        System.exit(0);
    }

    private static Side peer(Path file, List<EvaluationQuestion> questions) throws IOException {
        JsonObject peer = json(Files.readString(file));
        List<Double> millis = new ArrayList<>();
        RankingMetrics quality = new RankingMetrics();
        List<JsonObject> answers = peer.getJsonArray("answers").getValuesAs(JsonObject.class);
        for (int i = 0; i < questions.size(); i++) {
            EvaluationQuestion question = questions.get(i);
            JsonObject answer = answers.get(i);
            if (!answer.getString("question").equals(question.question())) {
                throw new IllegalStateException("the peer answered another question set: " + answer.getString("question"));
            }
            answer.getJsonArray("millis").getValuesAs(JsonNumber.class).forEach(round -> millis.add(round.doubleValue()));
            quality.add(answer.getJsonArray("texts").getValuesAs(JsonString.class).stream()
                    .map(text -> question.isAnsweredBy(text.getString())).toList());
        }
        return new Side(peer.getString("peer") + ", in process", peer.getJsonNumber("ingestionSeconds").doubleValue(), peer.getInt("documents"),
                peer.getInt("segments") + " segments", millis, quality);
    }

    /** {@code question} as written in round 0, then with the round's number after it (as EasyRagPeer words it). */
    private static String numbered(String question, int round) {
        return round == 0 ? question : question + " (" + round + ")";
    }

    /**
     * The reply to {@code question} from {@code POST /api/v1/query}, through the JDK's blocking
     * HttpURLConnection, whose kept-alive connection is reused from one question to the next: the
     * asynchronous HttpClient hands every exchange between threads, which cost about 1 ms a question
     * on two cores (p50 10.75 against 9.86 ms on the same server), time that is not the service's.
     */
    private static String ask(URI service, String question) throws IOException {
        byte[] body = Json.createObjectBuilder().add("query", question).add("top_k", DEPTH).build().toString().getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) service.resolve("/api/v1/query").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        if (connection.getResponseCode() != 200) {
            try (InputStream error = connection.getErrorStream()) {
                throw new IllegalStateException("/api/v1/query answered " + connection.getResponseCode() + ": "
                        + (error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Each stage's {sum, count} of the timer {@code metric}, as /metrics shows it now. */
    private static Map<String, double[]> stages(HttpClient http, URI service, String metric) throws IOException, InterruptedException {
        Pattern stage = Pattern.compile("^" + metric + "_(sum|count)\\{.*stage=\"([a-z0-9_]+)\".*} ([0-9.eE+-]+)$");
        Map<String, double[]> stages = new TreeMap<>();
        for (String line : send(http, HttpRequest.newBuilder(service.resolve("/metrics")).build(), 200).body().split("\n")) {
            Matcher matcher = stage.matcher(line);
            if (matcher.matches()) {
                stages.computeIfAbsent(matcher.group(2), name -> new double[2])[matcher.group(1).equals("sum") ? 0 : 1] = Double.parseDouble(matcher.group(3));
            }
        }
        return stages;
    }

    /** Per stage: calls between the two readings, their mean and their sum, in seconds × {@code scale}. */
    private static List<List<String>> means(Map<String, double[]> before, Map<String, double[]> after, double scale) {
        List<List<String>> rows = new ArrayList<>();
        after.forEach((stage, sumCount) -> {
            double[] was = before.getOrDefault(stage, new double[2]);
            double calls = sumCount[1] - was[1];
            if (calls > 0) {
                rows.add(List.of(stage, String.valueOf((long) calls), Report.format((sumCount[0] - was[0]) / calls * scale),
                        Report.format((sumCount[0] - was[0]) * scale)));
            }
        });
        return rows;
    }

    private static void report(Path corpus, Path questionsFile, int questions, String asked, Side ours, Side peer,
                               List<List<String>> queryStages, List<List<String>> ingestionStages) {
        List<List<String>> rows = new ArrayList<>();
        for (Side side : List.of(ours, peer)) {
            RankingMetrics.Scores scores = side.quality().scores();
            rows.add(List.of(side.name(), side.documents() + " documents, " + side.pieces(), Report.format(side.ingestionSeconds()),
                    f(scores.recallAt5()), f(scores.mrrAt10()), Report.format(QualityBenchmark.percentile(side.millis(), 0.5)),
                    Report.format(QualityBenchmark.percentile(side.millis(), 0.95))));
        }
        rows.add(List.of("**ratio service / peer**", "", ratio(ours.ingestionSeconds(), peer.ingestionSeconds()),
                ratio(ours.quality().scores().recallAt5(), peer.quality().scores().recallAt5()),
                ratio(ours.quality().scores().mrrAt10(), peer.quality().scores().mrrAt10()),
                ratio(QualityBenchmark.percentile(ours.millis(), 0.5), QualityBenchmark.percentile(peer.millis(), 0.5)),
                ratio(QualityBenchmark.percentile(ours.millis(), 0.95), QualityBenchmark.percentile(peer.millis(), 0.95))));
        new Report("The service against LangChain4j Easy RAG, side by side",
                "BENCH_JAVA_OPTS=\"-Dquality.corpus=" + corpus + " -Dquality.questions=" + questionsFile + "\" bench/run.sh peer")
                .paragraph("Corpus: " + corpus + " (" + ours.documents() + " Markdown documents); " + questions + " questions (" + questionsFile
                        + "), each answered by one quoted passage: a result answers when its text contains the passage. One after the other"
                        + " on this machine: Easy RAG first (its own JVM; Tika parsing, recursive splitting, bge-small-en-v1.5 int8 in process,"
                        + " InMemoryEmbeddingStore, `EmbeddingStoreContentRetriever` with 10 results), then the service on Open Liberty on its"
                        + " embedded defaults (`minilm-q`, Lucene, in-memory graph, `ltr` reranking, extractive answer), ingesting over"
                        + " `POST /api/v1/documents` one document at a time and asked over `POST /api/v1/query` (top_k 10) through one"
                        + " kept-alive HTTP/1.1 connection (the JDK's blocking `HttpURLConnection`), after " + SETTLE.toSeconds() + " s left alone once the corpus is in (its background"
                        + " merge of the index, 30 s after the last write, and its refresh of the graph's communities run then, as they"
                        + " would before any user's question). Each side " + asked + ", as written and then with the round's number after"
                        + " them, so that each is embedded again and no cache helps: recall and MRR are those of the questions as written,"
                        + " p50 and p95 those of every round. Latency: the service's is a client's whole HTTP round trip (retrieval,"
                        + " reranking, the extractive answer, JSON), from writing the request to reading the reply's last byte; the peer's is `ContentRetriever.retrieve`.")
                .table(List.of("system", "corpus as indexed", "ingestion s", "recall@5", "MRR@10", "p50 ms", "p95 ms"), rows)
                .paragraph("Where the service's time goes, per question (mean ms of `aegis_query_latency_seconds` by stage over the measured"
                        + " questions, read from /metrics). The retrievers (vector, bm25, graph, graph_global, memory) run in parallel inside"
                        + " `retrieval`, after the question's embedding, which is inside `retrieval` but in none of them; `total` is the"
                        + " service's own time, the rest of a round trip is HTTP and JSON:")
                .table(List.of("stage", "calls", "mean ms", "sum ms"), queryStages)
                .paragraph("Where the service's ingestion time goes (`aegis_ingestion_stage_seconds` by stage over the corpus, read from"
                        + " /metrics; a document's graph is extracted while its chunks are embedded, so the two overlap; the rest of the"
                        + " wall time is HTTP, parsing the request and waiting for the index's commit):")
                .table(List.of("stage", "documents", "mean s", "sum s"), ingestionStages)
                .writeTo(System.getProperty("quality.report", "peer.md"));
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String ratio(double ours, double peer) {
        return peer == 0 ? "-" : String.format(Locale.ROOT, "%.2f×", ours / peer);
    }
}

package io.aegisrag.cli;

import jakarta.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** {@code aegis ask QUESTION}: prints the answer as the model writes it (from {@code /api/v1/chat}), then its sources. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Asks QUESTION and prints the answer as it is written, then its sources. Exit code 3 when it could not be answered.")
final class AskCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions service;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "the question")
    String question;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean[] failed = {false};
        try {
            service.api().chat(question, event -> switch (event.name()) {
                case "token" -> {
                    out.print(AegisApi.json(event.data()).getString("text"));
                    out.flush();
                    yield true;
                }
                case "done" -> {
                    printSources(out, AegisApi.json(event.data()));
                    yield false;
                }
                case "error" -> {
                    err.println(AegisApi.json(event.data()).getString("detail", event.data()));
                    failed[0] = true;
                    yield false;
                }
                default -> true;
            });
        } catch (AegisApi.ServiceException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 3;
        }
        return failed[0] ? 3 : 0;
    }

    private static void printSources(PrintWriter out, JsonObject reply) {
        out.println();
        int n = 1;
        for (JsonObject source : reply.getJsonArray("sources").getValuesAs(JsonObject.class)) {
            String section = source.getString("section", "");
            out.printf("[%d] %s%s%s (%s)%n", n++, source.getString("title", ""), section.isEmpty() ? "" : " > " + section,
                    source.containsKey("page") ? ", page " + source.getInt("page") : "", source.getString("source", ""));
        }
        out.flush();
    }
}

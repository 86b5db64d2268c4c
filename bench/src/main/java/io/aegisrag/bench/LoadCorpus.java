package io.aegisrag.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Ingests synthetic Markdown through the REST API until the app holds at least the asked number of
 * chunks. Usage: LoadCorpus BASE_URL CHUNKS
 */
public final class LoadCorpus {

    private LoadCorpus() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int wanted = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newHttpClient();
        Random random = new Random(11);
        int chunks = 0;
        long start = System.nanoTime();
        for (int d = 0; chunks < wanted; d++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/documents?title="
                            + URLEncoder.encode("synthetic " + d, StandardCharsets.UTF_8) + "&source=bench"))
                    .header("Content-Type", "text/markdown")
                    .POST(HttpRequest.BodyPublishers.ofString(SyntheticCorpus.markdown(random, 10)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("ingestion failed: " + response.statusCode() + " " + response.body());
            }
            String body = response.body();
            chunks += Integer.parseInt(body.replaceAll(".*\"chunks\":(\\d+).*", "$1"));
        }
        System.out.printf("ingested %d chunks in %.1f s%n", chunks, (System.nanoTime() - start) / 1e9);
    }
}

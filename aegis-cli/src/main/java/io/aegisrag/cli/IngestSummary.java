package io.aegisrag.cli;

import jakarta.json.JsonObject;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the jobs of one {@code aegis ingest} did, added up, and printed as a table with the failed files after it. */
final class IngestSummary {

    private final Map<String, long[]> byStatus = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final long started = System.nanoTime();
    private double costUsd;

    IngestSummary() {
        for (String status : List.of("ingested", "skipped", "failed")) {
            byStatus.put(status, new long[2]);
        }
    }

    void add(JsonObject job) {
        for (JsonObject file : job.getJsonArray("files").getValuesAs(JsonObject.class)) {
            long[] counts = byStatus.computeIfAbsent(file.getString("status"), status -> new long[2]);
            counts[0]++;
            counts[1] += file.containsKey("chunks") && !file.isNull("chunks") ? file.getInt("chunks") : 0;
            if (file.getString("status").equals("failed")) {
                failures.add(file.getString("name") + "  " + file.getString("error", ""));
            }
        }
        costUsd += job.getJsonObject("llm").getJsonNumber("cost_usd").doubleValue();
    }

    long failed() {
        return byStatus.get("failed")[0];
    }

    void print(PrintWriter out) {
        double seconds = (System.nanoTime() - started) / 1e9;
        long files = byStatus.values().stream().mapToLong(counts -> counts[0]).sum();
        out.printf(Locale.ROOT, "%-10s %8s %8s%n", "status", "files", "chunks");
        byStatus.forEach((status, counts) -> out.printf(Locale.ROOT, "%-10s %8d %8d%n", status, counts[0], counts[1]));
        out.printf(Locale.ROOT, "%d files in %.1f s (%.1f files/s), LLM cost %.4f USD%n", files, seconds, files / seconds, costUsd);
        if (!failures.isEmpty()) {
            out.println("failed files:");
            failures.forEach(failure -> out.println("  " + failure));
        }
        out.flush();
    }
}

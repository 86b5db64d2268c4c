package it.io.aegisrag.coordinator;

import io.aegisrag.retrieval.evaluation.EvaluationCorpus;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality harness in small (bench/quality/questions-smoke.tsv): ingests the documents of a dozen
 * questions through the REST API, asks each question of every retriever alone and of the fusion, and
 * checks that the fusion is not worse than the best single retriever.
 */
class QualityIT {

    private static final Path QUALITY = Path.of(System.getProperty("it.quality.dir", "../bench/quality"));
    private static final String READER = "it-reader-key";
    private static final String WRITER = "it-writer-key";
    private static final List<String> RETRIEVERS = List.of("vector", "bm25", "graph");

    private static final List<String> ingested = new ArrayList<>();
    private static List<EvaluationQuestion> questions;

    @BeforeAll
    static void ingestTheDocumentsOfTheQuestions() {
        questions = EvaluationQuestion.read(QUALITY.resolve("questions-smoke.tsv"));
        questions.stream().map(EvaluationQuestion::document).distinct().forEach(path -> {
            EvaluationCorpus.CorpusDocument document = EvaluationCorpus.document(QUALITY.resolve("corpus"), path);
            AegisClient.Reply reply = send("/api/v1/documents", Json.createObjectBuilder().add("title", document.title())
                    .add("source", document.path()).add("text", document.text()).build(), WRITER);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            ingested.add(reply.json().getString("document_id"));
        });
    }

    @AfterAll
    static void deleteThem() {
        ingested.forEach(id -> AegisClient.delete("/api/v1/documents/" + id));
    }

    private static AegisClient.Reply send(String path, JsonObject body, String key) {
        return AegisClient.send(HttpRequest.newBuilder(AegisClient.BASE.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), key);
    }

    private static List<JsonObject> sources(String question, List<String> retrievers) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("query", question).add("top_k", 10);
        if (!retrievers.isEmpty()) {
            JsonArrayBuilder names = Json.createArrayBuilder();
            retrievers.forEach(names::add);
            body.add("retrievers", names);
        }
        AegisClient.Reply reply = send("/api/v1/query", body.build(), READER);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().getJsonArray("sources").getValuesAs(JsonObject.class);
    }

    /**
     * Recall@1 is left out: over twelve questions it is one question's first place, and fusion may let a
     * chunk that two retrievers rank well pass one that only the vector search ranks first. For the same
     * reason MRR@10 and nDCG@10, which weigh first places most, may trail the best retriever by what one
     * question moved from first to second place costs them, and no more; recall@5 and recall@10 may not
     * trail at all. The full harness (bench/results/quality.md) compares every metric over 78 questions.
     */
    @Test
    void should_fuse_at_least_as_well_as_the_best_single_retriever_at_depth() {
        Map<String, RankingMetrics> metrics = new LinkedHashMap<>();
        for (EvaluationQuestion question : questions) {
            metrics.computeIfAbsent("fusion", name -> new RankingMetrics())
                    .add(sources(question.question(), List.of()).stream().map(s -> question.isAnsweredBy(s.getString("text"))).toList());
            for (String retriever : RETRIEVERS) {
                metrics.computeIfAbsent(retriever, name -> new RankingMetrics())
                        .add(sources(question.question(), List.of(retriever)).stream().map(s -> question.isAnsweredBy(s.getString("text"))).toList());
            }
        }
        Map<String, RankingMetrics.Scores> scores = new LinkedHashMap<>();
        metrics.forEach((name, ranking) -> scores.put(name, ranking.scores()));
        RankingMetrics.Scores fused = scores.get("fusion");

        double questions = fused.questions();
        Map<ToDoubleFunction<RankingMetrics.Scores>, Double> allowedShortfall = Map.of(
                RankingMetrics.Scores::recallAt5, 0.0,
                RankingMetrics.Scores::recallAt10, 0.0,
                RankingMetrics.Scores::mrrAt10, (1 - 1 / 2.0) / questions,
                RankingMetrics.Scores::ndcgAt10, (1 - 1 / (Math.log(3) / Math.log(2))) / questions);
        allowedShortfall.forEach((metric, shortfall) -> {
            double bestSingle = RETRIEVERS.stream().mapToDouble(r -> metric.applyAsDouble(scores.get(r))).max().orElseThrow();
            assertThat(metric.applyAsDouble(fused)).as(scores.toString()).isGreaterThanOrEqualTo(bestSingle - shortfall - 1e-9);
        });
        assertThat(fused.recallAt10()).as(scores.toString()).isGreaterThan(0.5);
    }

    @Test
    void should_explain_each_source_with_its_rank_and_score_in_each_retriever_that_found_it_and_after_reranking() {
        List<JsonObject> sources = sources("How do I stop the caret prefix from being written when I add a dependency?", List.of());

        assertThat(sources).isNotEmpty().allSatisfy(source -> {
            List<String> retrievers = source.getJsonArray("retrievers").getValuesAs(JsonString::getString);
            List<String> ranked = new ArrayList<>(retrievers);
            ranked.add("rerank");
            assertThat(source.getJsonObject("ranks").keySet()).containsExactlyInAnyOrderElementsOf(ranked);
            assertThat(source.getJsonObject("scores").keySet()).containsExactlyInAnyOrderElementsOf(ranked);
            retrievers.forEach(r -> assertThat(source.getJsonObject("ranks").getInt(r)).isBetween(1, 80));
        });
        for (int i = 0; i < sources.size(); i++) {
            assertThat(sources.get(i).getJsonObject("ranks").getInt("rerank")).isEqualTo(i + 1);
        }
        assertThat(sources).anySatisfy(source -> assertThat(source.getJsonObject("ranks").size()).isGreaterThan(1));
    }

    @Test
    void should_run_only_the_retrievers_named_and_refuse_an_unknown_one_by_its_place() {
        assertThat(sources("What is the longest a package name may be?", List.of("bm25")))
                .isNotEmpty()
                .allSatisfy(source -> {
                    assertThat(source.getJsonArray("retrievers").getValuesAs(JsonString::getString)).containsExactly("bm25");
                    assertThat(source.getJsonObject("ranks").keySet()).containsExactlyInAnyOrder("bm25", "rerank");
                });

        AegisClient.Reply refused = send("/api/v1/query", Json.createObjectBuilder().add("query", "names")
                .add("retrievers", Json.createArrayBuilder().add("bm25").add("psychic")).build(), READER);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"retrievers[1]\"");
    }
}

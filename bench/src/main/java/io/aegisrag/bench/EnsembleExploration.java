package io.aegisrag.bench;

import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.memory.InMemoryTemporalMemory;
import io.aegisrag.retrieval.evaluation.EvaluationCorpus;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.search.KeywordRetriever;
import io.aegisrag.retrieval.search.Question;
import io.aegisrag.retrieval.search.VectorRetriever;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Would several embedding models together find what one misses? Ingests the quality corpus once per
 * model named on the command line, takes each model's vector ranking and the BM25 ranking (80 deep)
 * for every question, and fuses them pairwise and all together with RRF, into
 * bench/results/quality-ensemble.md.
 */
public final class EnsembleExploration {

    private EnsembleExploration() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("quality.corpus", "bench/quality/corpus"));
        List<EvaluationQuestion> questions = EvaluationQuestion.read(Path.of(System.getProperty("quality.questions", "bench/quality/questions.tsv")));
        Map<String, List<List<String>>> rankings = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (String provider : args) {
            EmbeddingModel embeddings = BenchEmbeddings.named(provider);
            Path data = Files.createTempDirectory("aegis-ensemble");
            try (LuceneVectorStore store = new LuceneVectorStore(data, embeddings.serviceName(), embeddings.dimension())) {
                var ingestion = QualityBenchmark.ingestionService(embeddings, store, new InMemoryGraphStore(), new InMemoryTemporalMemory());
                for (EvaluationCorpus.CorpusDocument document : EvaluationCorpus.read(corpus)) {
                    ingestion.ingest(new DocumentRequest(document.title(), document.path(), document.text(), Map.of()));
                }
                VectorRetriever vector = new VectorRetriever(store);
                KeywordRetriever keyword = new KeywordRetriever(store);
                List<List<String>> ofModel = new ArrayList<>();
                List<List<String>> ofBm25 = new ArrayList<>();
                for (EvaluationQuestion question : questions) {
                    ofModel.add(keys(vector.retrieve(new Question(question.question(), embeddings), 80), texts));
                    ofBm25.add(keys(keyword.retrieve(new Question(question.question(), embeddings), 80), texts));
                }
                rankings.put(provider, ofModel);
                rankings.putIfAbsent("bm25", ofBm25);
            } finally {
                QualityBenchmark.deleteRecursively(data);
            }
        }
        Report report = new Report("Embedding models together: vector rankings of several models fused with each other and with BM25",
                "bench/run.sh ensemble " + String.join(" ", args));
        report.paragraph("Same corpus and " + questions.size() + " questions as quality.md; each ranking 80 deep, fused with weighted RRF"
                + " (constant k 10 and 60); a row names the first ranking (weight 1), the weight of the second, and the second.");
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>(rankings.keySet());
        for (String name : names) {
            rows.addAll(rows(name, questions, texts, List.of(rankings.get(name)), List.of(1.0)));
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                for (double w : new double[]{0.3, 0.5, 1.0}) {
                    rows.addAll(rows(names.get(i) + " + " + w + " " + names.get(j), questions, texts,
                            List.of(rankings.get(names.get(i)), rankings.get(names.get(j))), List.of(1.0, w)));
                }
            }
        }
        List<String> models = names.stream().filter(n -> !n.equals("bm25")).toList();
        for (double w : new double[]{0, 0.3, 0.5}) {
            List<List<List<String>>> all = new ArrayList<>(models.stream().map(rankings::get).toList());
            List<Double> weights = new ArrayList<>(models.stream().map(m -> 1.0).toList());
            all.add(rankings.get("bm25"));
            weights.add(w);
            rows.addAll(rows("all models + bm25 " + w, questions, texts, all, weights));
        }
        report.table(List.of("rankings", "RRF k", "recall@1", "recall@5", "recall@10", "MRR@10", "nDCG@10"), rows);
        report.writeTo("quality-ensemble.md");
        System.exit(0);
    }

    private static List<String> keys(List<ChunkHit> hits, Map<String, String> texts) {
        List<String> keys = new ArrayList<>();
        for (ChunkHit hit : hits) {
            Chunk chunk = hit.chunk();
            String key = chunk.source() + "#" + chunk.position();
            texts.put(key, chunk.text());
            keys.add(key);
        }
        return keys;
    }

    private static List<List<String>> rows(String name, List<EvaluationQuestion> questions, Map<String, String> texts,
                                           List<List<List<String>>> lists, List<Double> weights) {
        List<List<String>> rows = new ArrayList<>();
        for (int k : new int[]{10, 60}) {
            RankingMetrics metrics = new RankingMetrics();
            for (int q = 0; q < questions.size(); q++) {
                Map<String, Double> scores = new HashMap<>();
                for (int l = 0; l < lists.size(); l++) {
                    List<String> ranking = lists.get(l).get(q);
                    for (int r = 0; r < ranking.size(); r++) {
                        scores.merge(ranking.get(r), weights.get(l) / (k + r + 1), Double::sum);
                    }
                }
                EvaluationQuestion question = questions.get(q);
                List<Boolean> answers = scores.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> Double.compare(b, a)))
                        .limit(10).map(e -> question.isAnsweredBy(texts.get(e.getKey()))).toList();
                metrics.add(answers);
            }
            RankingMetrics.Scores s = metrics.scores();
            rows.add(List.of(name, String.valueOf(k), QualityBenchmark.f(s.recallAt1()), QualityBenchmark.f(s.recallAt5()),
                    QualityBenchmark.f(s.recallAt10()), QualityBenchmark.f(s.mrrAt10()), QualityBenchmark.f(s.ndcgAt10())));
        }
        return rows;
    }
}

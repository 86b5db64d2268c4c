package io.aegisrag.bench;

import io.aegisrag.coordinator.ingest.DefaultIngestionService;
import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.coordinator.query.IntentClassifier;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.port.EmbeddingModel;
import io.aegisrag.core.query.Context;
import io.aegisrag.core.query.Retriever;
import io.aegisrag.memory.InMemoryTemporalMemory;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.aegisrag.retrieval.evaluation.EvaluationCorpus;
import io.aegisrag.retrieval.evaluation.EvaluationQuestion;
import io.aegisrag.retrieval.evaluation.RankingMetrics;
import io.aegisrag.retrieval.fusion.NormalizedScoreFusion;
import io.aegisrag.retrieval.fusion.RetrieverWeights;
import io.aegisrag.retrieval.graph.InMemoryGraphStore;
import io.aegisrag.retrieval.graph.OpenNlpGraphExtractor;
import io.aegisrag.retrieval.lucene.LuceneVectorStore;
import io.aegisrag.retrieval.search.KeywordRetriever;
import io.aegisrag.retrieval.search.Question;
import io.smallrye.metrics.SharedMetricRegistries;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

public final class PrfExploration {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("quality.corpus", "bench/quality/corpus"));
        List<EvaluationQuestion> questions = EvaluationQuestion.read(Path.of(System.getProperty("quality.questions", "bench/quality/questions.tsv")));
        EmbeddingModel embeddings = BenchEmbeddings.named(args[0]);
        try (LuceneVectorStore store = new LuceneVectorStore(Files.createTempDirectory("prf"), embeddings.serviceName(), embeddings.dimension())) {
            var ingestion = new DefaultIngestionService(embeddings, store, new InMemoryGraphStore(), new InMemoryTemporalMemory(), new OpenNlpGraphExtractor(),
                    Clock.systemUTC(), new AegisMetrics(SharedMetricRegistries.getOrCreate(MetricRegistry.APPLICATION_SCOPE)), 800, 100, 400);
            for (EvaluationCorpus.CorpusDocument document : EvaluationCorpus.read(corpus)) {
                ingestion.ingest(new DocumentRequest(document.title(), document.path(), document.text(), Map.of()));
            }
            KeywordRetriever keyword = new KeywordRetriever(store);
            IntentClassifier classifier = new IntentClassifier();
            for (int k : new int[]{0, 1, 3, 5}) {
                for (double beta : k == 0 ? new double[]{0} : new double[]{0.2, 0.4, 0.7}) {
                    RankingMetrics vectorOnly = new RankingMetrics();
                    RankingMetrics fused = new RankingMetrics();
                    for (EvaluationQuestion question : questions) {
                        float[] q = embeddings.embedQuery(question.question());
                        List<ChunkHit> first = store.searchByVector(q, 80);
                        float[] expanded = q.clone();
                        if (k > 0) {
                            List<float[]> top = embeddings.embedAll(first.stream().limit(k).map(h -> h.chunk().withHeader()).toList());
                            for (float[] v : top) {
                                for (int i = 0; i < expanded.length; i++) {
                                    expanded[i] += (float) (beta * v[i] / top.size());
                                }
                            }
                            double norm = 0;
                            for (float x : expanded) norm += x * x;
                            norm = Math.sqrt(norm);
                            for (int i = 0; i < expanded.length; i++) expanded[i] /= (float) norm;
                        }
                        List<ChunkHit> hits = k == 0 ? first : store.searchByVector(expanded, 80);
                        vectorOnly.add(hits.stream().limit(10).map(h -> question.isAnsweredBy(h.chunk().text())).toList());
                        Map<Retriever, List<ChunkHit>> rankings = new EnumMap<>(Retriever.class);
                        rankings.put(Retriever.VECTOR, hits);
                        rankings.put(Retriever.BM25, keyword.retrieve(new Question(question.question(), embeddings), 80));
                        List<Context> contexts = new NormalizedScoreFusion().fuse(rankings, RetrieverWeights.forIntent(classifier.classify(question.question())), 10);
                        fused.add(contexts.stream().map(c -> question.isAnsweredBy(c.chunk().text())).toList());
                    }
                    RankingMetrics.Scores v = vectorOnly.scores();
                    RankingMetrics.Scores f = fused.scores();
                    System.out.printf("k=%d beta=%.1f vector r@1 %.3f r@5 %.3f r@10 %.3f mrr %.3f | fused(v+bm25) r@1 %.3f r@5 %.3f r@10 %.3f mrr %.3f%n",
                            k, beta, v.recallAt1(), v.recallAt5(), v.recallAt10(), v.mrrAt10(), f.recallAt1(), f.recallAt5(), f.recallAt10(), f.mrrAt10());
                }
            }
        }
        System.exit(0);
    }
}

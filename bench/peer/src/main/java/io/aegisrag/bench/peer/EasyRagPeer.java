package io.aegisrag.bench.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j Easy RAG as its documentation shows it used: load a directory, ingest it into an
 * in-memory store (Easy RAG's defaults: Tika parsing, recursive splitting, bge-small-en-v1.5 int8),
 * retrieve with an {@link EmbeddingStoreContentRetriever} (10 results, for recall@5 and MRR@10).
 * Writes its timings and each question's passages as JSON; bench/run.sh peer scores them with the
 * service's evaluation code, so both are judged alike.
 * <p>Usage: {@code EasyRagPeer CORPUS_DIR QUESTIONS_TSV WARMUP_TSV OUTPUT_JSON WARMUP_QUESTIONS ROUNDS}: first
 * {@code WARMUP_QUESTIONS} questions of {@code WARMUP_TSV}, numbered so that none repeats, then the
 * measured questions {@code ROUNDS} times over, as written and then numbered; its passages are those of the
 * question as written. PeerBenchmark words both alike.
 */
public final class EasyRagPeer {

    private static final int MAX_RESULTS = 10;

    private EasyRagPeer() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        List<String> questions = questionsOf(Path.of(args[1]));
        List<String> warmups = questionsOf(Path.of(args[2]));
        int warmup = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);

        long start = System.nanoTime();
        List<Document> documents = FileSystemDocumentLoader.loadDocumentsRecursively(corpus);
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        EmbeddingStoreIngestor.ingest(documents, store);
        double ingestionSeconds = (System.nanoTime() - start) / 1e9;
        ContentRetriever retriever = EmbeddingStoreContentRetriever.builder().embeddingStore(store).maxResults(MAX_RESULTS).build();

        for (int i = 0; i < warmup; i++) {
            retriever.retrieve(Query.from(numbered(warmups.get(i % warmups.size()), i / warmups.size())));
        }
        List<List<Double>> millis = new ArrayList<>();
        questions.forEach(question -> millis.add(new ArrayList<>()));
        List<List<Content>> found = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < questions.size(); i++) {
                long asked = System.nanoTime();
                List<Content> results = retriever.retrieve(Query.from(numbered(questions.get(i), round)));
                millis.get(i).add((System.nanoTime() - asked) / 1e6);
                if (round == 0) {
                    found.add(results);
                }
            }
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("question", questions.get(i));
            answer.put("millis", millis.get(i));
            answer.put("texts", found.get(i).stream().map(content -> content.textSegment().text()).toList());
            answers.add(answer);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("peer", "LangChain4j Easy RAG 1.11.0-beta19 (langchain4j 1.11.0, bge-small-en-v1.5 int8, InMemoryEmbeddingStore)");
        report.put("documents", documents.size());
        report.put("segments", store.serializeToJson().split("\"embedded\"").length - 1);
        report.put("ingestionSeconds", ingestionSeconds);
        report.put("answers", answers);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(args[3]).toFile(), report);
        System.exit(0);
    }

    /** {@code question} as written in round 0, then with the round's number after it (as PeerBenchmark words it). */
    private static String numbered(String question, int round) {
        return round == 0 ? question : question + " (" + round + ")";
    }

    /** The third column of each line of the question set, after its header. */
    private static List<String> questionsOf(Path tsv) throws IOException {
        return Files.readAllLines(tsv).stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t")[2]).toList();
    }
}

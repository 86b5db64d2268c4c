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
 * <p>Usage: {@code EasyRagPeer CORPUS_DIR QUESTIONS_TSV OUTPUT_JSON WARMUP_QUESTIONS}
 */
public final class EasyRagPeer {

    private static final int MAX_RESULTS = 10;

    private EasyRagPeer() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        List<String> questions = questionsOf(Path.of(args[1]));
        int warmup = Integer.parseInt(args[3]);

        long start = System.nanoTime();
        List<Document> documents = FileSystemDocumentLoader.loadDocumentsRecursively(corpus);
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        EmbeddingStoreIngestor.ingest(documents, store);
        double ingestionSeconds = (System.nanoTime() - start) / 1e9;
        ContentRetriever retriever = EmbeddingStoreContentRetriever.builder().embeddingStore(store).maxResults(MAX_RESULTS).build();

        for (int i = 0; i < warmup; i++) {
            retriever.retrieve(Query.from("warm-up question number " + i + " about files, streams and processes"));
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String question : questions) {
            long asked = System.nanoTime();
            List<Content> found = retriever.retrieve(Query.from(question));
            double millis = (System.nanoTime() - asked) / 1e6;
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("question", question);
            answer.put("millis", millis);
            answer.put("texts", found.stream().map(content -> content.textSegment().text()).toList());
            answers.add(answer);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("peer", "LangChain4j Easy RAG 1.11.0-beta19 (langchain4j 1.11.0, bge-small-en-v1.5 int8, InMemoryEmbeddingStore)");
        report.put("documents", documents.size());
        report.put("segments", store.serializeToJson().split("\"embedded\"").length - 1);
        report.put("ingestionSeconds", ingestionSeconds);
        report.put("answers", answers);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(args[2]).toFile(), report);
        System.exit(0);
    }

    /** The third column of each line of the question set, after its header. */
    private static List<String> questionsOf(Path tsv) throws IOException {
        return Files.readAllLines(tsv).stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t")[2]).toList();
    }
}

package io.aegisrag.retrieval.qdrant;

import io.aegisrag.retrieval.lucene.IdentifierAwareAnalyzer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ObjDoubleConsumer;

/**
 * BM25 as sparse vectors for a Qdrant collection whose sparse vector has the {@code idf} modifier
 * (Qdrant multiplies by the inverse document frequency at query time), following Qdrant's own BM25
 * recipe: a term's index is the absolute value of the MurmurHash3 (x86, 32-bit, seed 0, signed) of its UTF-8 bytes;
 * a document term weighs {@code tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))} with k1 1.2, b 0.75,
 * avgLen 256; a query term weighs 1. The terms are this project's ({@link IdentifierAwareAnalyzer}:
 * English stems, identifiers whole and by their parts), so queries and documents must both come
 * from here. A term of the heading path or title counts {@value #HEADER_WEIGHT} of an occurrence,
 * as in the Lucene index.
 */
final class SparseBm25 {

    static final double K1 = 1.2;
    static final double B = 0.75;
    static final double AVERAGE_LENGTH = 256;
    static final double HEADER_WEIGHT = 0.2;
    /** Distinct terms a query keeps, as the Lucene index does. */
    static final int MAX_QUERY_TERMS = 256;

    /** A sparse vector: unique indices in ascending order, a value for each. */
    record Sparse(long[] indices, float[] values) {

        boolean isEmpty() {
            return indices.length == 0;
        }

        JsonObject toJson() {
            JsonArrayBuilder indexArray = Json.createArrayBuilder();
            JsonArrayBuilder valueArray = Json.createArrayBuilder();
            for (int i = 0; i < indices.length; i++) {
                indexArray.add(indices[i]);
                valueArray.add(values[i]);
            }
            return Json.createObjectBuilder().add("indices", indexArray).add("values", valueArray).build();
        }
    }

    private final Analyzer analyzer = new IdentifierAwareAnalyzer();

    /** The vector of a chunk's {@code text}, with its {@code header} (title, heading path) counting less. */
    Sparse document(String text, String header) {
        Map<Long, Double> frequencies = new TreeMap<>();
        double[] length = {0};
        analyse(text, (index, weight) -> {
            frequencies.merge(index, weight, Double::sum);
            length[0] += weight;
        }, Integer.MAX_VALUE);
        analyse(header, (index, weight) -> frequencies.merge(index, weight * HEADER_WEIGHT, Double::sum), Integer.MAX_VALUE);
        double norm = K1 * (1 - B + B * Math.max(length[0], 1) / AVERAGE_LENGTH);
        return sparse(frequencies, tf -> tf * (K1 + 1) / (tf + norm));
    }

    /** The vector of a query: each of its distinct terms, at most {@value #MAX_QUERY_TERMS}, weighs 1. */
    Sparse query(String text) {
        Map<Long, Double> terms = new TreeMap<>();
        analyse(text, (index, weight) -> terms.put(index, 1.0), MAX_QUERY_TERMS);
        return sparse(terms, weight -> weight);
    }

    private static Sparse sparse(Map<Long, Double> weights, DoubleUnaryOperator value) {
        long[] indices = new long[weights.size()];
        float[] values = new float[weights.size()];
        int i = 0;
        for (Map.Entry<Long, Double> entry : weights.entrySet()) {
            indices[i] = entry.getKey();
            values[i++] = (float) value.applyAsDouble(entry.getValue());
        }
        return new Sparse(indices, values);
    }

    private void analyse(String text, ObjDoubleConsumer<Long> term, int maxDistinct) {
        Set<Long> seen = new HashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute attribute = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                long index = termIndex(attribute.toString());
                if (seen.add(index) && seen.size() > maxDistinct) {
                    break;
                }
                term.accept(index, 1);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string failed", e);
        }
    }

    /** The absolute value of the MurmurHash3 x86 32-bit, seed 0, of the term's UTF-8 bytes. */
    static long termIndex(String term) {
        return Math.abs((long) StringHelper.murmurhash3_x86_32(new BytesRef(term), 0));
    }
}

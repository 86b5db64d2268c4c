package io.aegisrag.retrieval.qdrant;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.document.Page;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.VectorStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@link VectorStore} on one Qdrant collection over its REST API: each chunk is a point with a dense
 * vector ({@code dense}, cosine) and a BM25 sparse vector ({@code bm25}, {@link SparseBm25}, with
 * Qdrant's {@code idf} modifier), so both searches run in Qdrant; each document is a point without
 * vectors that holds its text and metadata. Point ids are name-based UUIDs of the chunk and document
 * ids, which the payload keeps.
 *
 * <p>The collection and its payload indexes are created at first use, so the service starts while
 * Qdrant is down. Every write waits for Qdrant to apply it ({@code wait=true}). Qdrant has no
 * transactions: a document's chunks and then its document point are written unseen
 * ({@code committed=false}, every read filters them out), then one operation marks them all seen, and a failure on the
 * way deletes the unseen points again. A meta point records the embedding model of the vectors:
 * another model's collection is refused, or reported as {@linkplain #needsReindex() to index again}
 * when reindexing is allowed. Sentence windows are not stored: vector search scores a chunk by its
 * own vector only.
 */
public final class QdrantVectorStore implements VectorStore {

    static final String DENSE = "dense";
    static final String SPARSE = "bm25";
    /** Points per upsert: well under Qdrant's 32 MB request limit for 1024-d vectors. */
    static final int UPSERT_BATCH = 128;
    static final int SCROLL_PAGE = 256;

    private static final Logger LOG = Logger.getLogger(QdrantVectorStore.class.getName());
    private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final String KIND = "kind";
    private static final String DOCUMENT_ID = "document_id";
    private static final String CHUNK_ID = "chunk_id";
    private static final String COMMITTED = "committed";
    private static final String POSITION = "position";
    private static final String PAGE = "page";
    private static final String CREATED_AT = "created_at";
    private static final String EMBEDDING_MODEL = "embedding_model";

    private final QdrantHttp http;
    private final String collection;
    private final String path;
    private final String embeddingModel;
    private final int dimension;
    private final boolean reindexAllowed;
    private final SparseBm25 bm25 = new SparseBm25();
    private volatile String recordedModel;

    /**
     * @param reindexAllowed whether a collection of another model's vectors may be opened to be
     *                       {@linkplain #needsReindex() indexed again}
     */
    public QdrantVectorStore(URI url, Optional<String> apiKey, String collection, String embeddingModel, int dimension,
                             Duration timeout, boolean reindexAllowed) {
        if (!COLLECTION_NAME.matcher(collection).matches()) {
            throw new IllegalArgumentException("aegis.qdrant.collection must be 1 to 200 letters, digits, '_' or '-', got '" + collection + "'");
        }
        this.http = new QdrantHttp(url, apiKey, timeout);
        this.collection = collection;
        this.path = "/collections/" + collection;
        this.embeddingModel = embeddingModel;
        this.dimension = dimension;
        this.reindexAllowed = reindexAllowed;
    }

    @Override
    public String serviceName() {
        return "qdrant";
    }

    /** Asks Qdrant whether the collection exists: up when it answers, with the API key accepted. */
    @Override
    public boolean isAvailable() {
        QdrantHttp.Reply reply = http.send("GET", path + "/exists", null);
        return reply.ok() && reply.result() instanceof JsonObject result && result.containsKey("exists");
    }

    /** Whether the collection holds another model's vectors; false, with a warning, while Qdrant cannot be reached. */
    @Override
    public boolean needsReindex() {
        try {
            return !open().equals(embeddingModel);
        } catch (AegisException e) {
            LOG.log(Level.WARNING, "could not check which embedding model filled the Qdrant collection " + collection + ": " + e.getMessage());
            return false;
        }
    }

    @Override
    public void markReindexed() {
        open();
        upsert(List.of(metaPoint()));
        recordedModel = embeddingModel;
    }

    @Override
    public void add(Document document, List<EmbeddedChunk> chunks) {
        for (EmbeddedChunk chunk : chunks) {
            if (chunk.vector().length != dimension) {
                throw new IllegalArgumentException("chunk " + chunk.chunk().id() + " has a vector of " + chunk.vector().length
                        + " dimensions; the store holds " + dimension);
            }
        }
        open();
        String documentId = document.id().value();
        try {
            for (int from = 0; from < chunks.size(); from += UPSERT_BATCH) {
                upsert(chunks.subList(from, Math.min(chunks.size(), from + UPSERT_BATCH)).stream().map(this::chunkPoint).toList());
            }
            upsert(List.of(documentPoint(document, chunks.size())));
            http.call("POST", path + "/points/payload?wait=true", Json.createObjectBuilder()
                    .add("payload", Json.createObjectBuilder().add(COMMITTED, true))
                    .add("filter", must(match(DOCUMENT_ID, documentId))).build());
        } catch (AegisException e) {
            deleteQuietly(must(match(DOCUMENT_ID, documentId), match(COMMITTED, false)), e);
            throw e;
        }
        deletePoints(Json.createObjectBuilder().add("must", Json.createArrayBuilder()
                .add(match(DOCUMENT_ID, documentId)).add(match(KIND, "chunk"))
                .add(Json.createObjectBuilder().add("key", POSITION).add("range", Json.createObjectBuilder().add("gte", chunks.size()))))
                .build());
    }

    @Override
    public boolean delete(DocumentId id) {
        if (find(id).isEmpty()) {
            return false;
        }
        deletePoints(must(match(DOCUMENT_ID, id.value())));
        return true;
    }

    @Override
    public Optional<Document> find(DocumentId id) {
        open();
        return retrieve(List.of(pointId("document", id.value()))).stream()
                .filter(payload -> "document".equals(payload.getString(KIND, "")) && payload.getBoolean(COMMITTED, false))
                .findFirst()
                .map(QdrantVectorStore::document);
    }

    @Override
    public Page<DocumentSummary> list(int offset, int limit) {
        open();
        JsonObject documents = must(match(KIND, "document"), match(COMMITTED, true));
        JsonObject reply = http.call("POST", path + "/points/query", Json.createObjectBuilder()
                .add("query", Json.createObjectBuilder().add("order_by", Json.createObjectBuilder().add("key", CREATED_AT).add("direction", "desc")))
                .add("filter", documents)
                .add("limit", limit)
                .add("offset", offset)
                .add("with_payload", Json.createArrayBuilder().add(DOCUMENT_ID).add("title").add("source").add("chunk_count").add(CREATED_AT))
                .build()).asJsonObject();
        List<DocumentSummary> items = reply.getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .map(point -> point.getJsonObject("payload"))
                .map(payload -> new DocumentSummary(new DocumentId(payload.getString(DOCUMENT_ID)), payload.getString("title"),
                        payload.getString("source"), payload.getInt("chunk_count"),
                        Instant.ofEpochMilli(payload.getJsonNumber(CREATED_AT).longValue())))
                .toList();
        return new Page<>(items, count(documents), offset, limit);
    }

    @Override
    public List<ChunkHit> searchByVector(float[] vector, int k) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("query vector has " + vector.length + " dimensions; the store holds " + dimension);
        }
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (float value : vector) {
            values.add(value);
        }
        return search(values.build(), DENSE, k);
    }

    @Override
    public List<ChunkHit> searchByKeywords(String text, int k) {
        SparseBm25.Sparse query = bm25.query(text);
        return query.isEmpty() ? List.of() : search(query.toJson(), SPARSE, k);
    }

    private List<ChunkHit> search(JsonValue query, String using, int k) {
        open();
        JsonObject reply = http.call("POST", path + "/points/query", Json.createObjectBuilder()
                .add("query", query)
                .add("using", using)
                .add("filter", seenChunks())
                .add("limit", k)
                .add("with_payload", true)
                .build()).asJsonObject();
        return reply.getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .map(point -> new ChunkHit(chunk(point.getJsonObject("payload")), point.getJsonNumber("score").doubleValue()))
                .toList();
    }

    @Override
    public List<Chunk> chunksOf(DocumentId id) {
        open();
        List<Chunk> chunks = new ArrayList<>();
        JsonValue next = JsonValue.NULL;
        do {
            JsonObjectBuilder request = Json.createObjectBuilder()
                    .add("filter", must(match(DOCUMENT_ID, id.value()), match(KIND, "chunk"), match(COMMITTED, true)))
                    .add("limit", SCROLL_PAGE)
                    .add("with_payload", true);
            if (next != JsonValue.NULL) {
                request.add("offset", next);
            }
            JsonObject page = http.call("POST", path + "/points/scroll", request.build()).asJsonObject();
            page.getJsonArray("points").getValuesAs(JsonObject.class).forEach(point -> chunks.add(chunk(point.getJsonObject("payload"))));
            next = page.getOrDefault("next_page_offset", JsonValue.NULL);
        } while (next != JsonValue.NULL);
        chunks.sort(Comparator.comparingInt(Chunk::position));
        return chunks;
    }

    @Override
    public List<Chunk> chunks(Collection<String> chunkIds) {
        if (chunkIds.isEmpty()) {
            return List.of();
        }
        open();
        return retrieve(chunkIds.stream().map(id -> pointId("chunk", id)).toList()).stream()
                .filter(payload -> "chunk".equals(payload.getString(KIND, "")) && payload.getBoolean(COMMITTED, false))
                .map(QdrantVectorStore::chunk)
                .toList();
    }

    @Override
    public long chunkCount() {
        open();
        return count(seenChunks());
    }

    /**
     * Creates the collection and its payload indexes when they do not exist, checks its dense size, and
     * reads which embedding model filled it; once, then only returns that model.
     */
    private String open() {
        String model = recordedModel;
        if (model != null) {
            return model;
        }
        synchronized (this) {
            if (recordedModel == null) {
                recordedModel = createOrCheckCollection();
            }
            return recordedModel;
        }
    }

    private String createOrCheckCollection() {
        boolean exists = http.call("GET", path + "/exists", null).asJsonObject().getBoolean("exists");
        if (exists) {
            checkDimension();
        } else {
            createCollection();
        }
        for (String keyword : List.of(KIND, DOCUMENT_ID, CHUNK_ID)) {
            createPayloadIndex(keyword, "keyword");
        }
        createPayloadIndex(POSITION, "integer");
        createPayloadIndex(CREATED_AT, "integer");
        createPayloadIndex(COMMITTED, "bool");
        Optional<String> recorded = retrieve(List.of(pointId("meta", collection))).stream()
                .map(payload -> payload.getString(EMBEDDING_MODEL, embeddingModel))
                .findFirst();
        if (recorded.isEmpty()) {
            upsert(List.of(metaPoint()));
            return embeddingModel;
        }
        if (!recorded.get().equals(embeddingModel) && !reindexAllowed) {
            throw new IllegalStateException("the Qdrant collection " + collection + " holds vectors of the embedding model '" + recorded.get()
                    + "', not of '" + embeddingModel + "': switch the model back, set aegis.qdrant.collection to another collection,"
                    + " or set aegis.index.reindex=true (AEGIS_INDEX_REINDEX=true) to index the stored documents again at start-up");
        }
        return recorded.get();
    }

    private void createCollection() {
        QdrantHttp.Reply reply = http.send("PUT", path, Json.createObjectBuilder()
                .add("vectors", Json.createObjectBuilder().add(DENSE, Json.createObjectBuilder().add("size", dimension).add("distance", "Cosine")))
                .add("sparse_vectors", Json.createObjectBuilder().add(SPARSE, Json.createObjectBuilder().add("modifier", "idf")))
                .build());
        if (!reply.ok() && reply.status() != 409) {
            throw QdrantHttp.failure("PUT", path, reply);
        }
        LOG.info("created the Qdrant collection " + collection + " (" + dimension + "-d cosine vectors and BM25 sparse vectors)");
    }

    private void checkDimension() {
        JsonObject vectors = http.call("GET", path, null).asJsonObject()
                .getJsonObject("config").getJsonObject("params").getJsonObject("vectors");
        int size = vectors.containsKey(DENSE) ? vectors.getJsonObject(DENSE).getInt("size") : -1;
        if (size != dimension) {
            throw new IllegalStateException("the Qdrant collection " + collection + " has no " + dimension + "-d vector named '" + DENSE
                    + "' (found " + vectors + "): it was made by another model or application; set aegis.qdrant.collection to another name");
        }
    }

    private void createPayloadIndex(String field, String schema) {
        http.call("PUT", path + "/index?wait=true", Json.createObjectBuilder().add("field_name", field).add("field_schema", schema).build());
    }

    private void upsert(List<JsonObject> points) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        points.forEach(array::add);
        http.call("PUT", path + "/points?wait=true", Json.createObjectBuilder().add("points", array).build());
    }

    private void deletePoints(JsonObject filter) {
        http.call("POST", path + "/points/delete?wait=true", Json.createObjectBuilder().add("filter", filter).build());
    }

    private void deleteQuietly(JsonObject filter, Exception failure) {
        try {
            deletePoints(filter);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.log(Level.WARNING, "could not delete the unseen points of a failed write; the next write of the document replaces them", e);
        }
    }

    private List<JsonObject> retrieve(List<String> ids) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        ids.forEach(array::add);
        return http.call("POST", path + "/points", Json.createObjectBuilder().add("ids", array).add("with_payload", true).build())
                .asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(point -> point.getJsonObject("payload"))
                .toList();
    }

    private long count(JsonObject filter) {
        return http.call("POST", path + "/points/count", Json.createObjectBuilder().add("filter", filter).add("exact", true).build())
                .asJsonObject().getJsonNumber("count").longValue();
    }

    private JsonObject chunkPoint(EmbeddedChunk embedded) {
        Chunk chunk = embedded.chunk();
        JsonArrayBuilder dense = Json.createArrayBuilder();
        for (float value : embedded.vector()) {
            dense.add(value);
        }
        String header = chunk.section().isEmpty() ? chunk.title() : chunk.title() + " " + chunk.section();
        return Json.createObjectBuilder()
                .add("id", pointId("chunk", chunk.id()))
                .add("vector", Json.createObjectBuilder().add(DENSE, dense).add(SPARSE, bm25.document(chunk.text(), header).toJson()))
                .add("payload", Json.createObjectBuilder()
                        .add(KIND, "chunk")
                        .add(DOCUMENT_ID, chunk.documentId().value())
                        .add(CHUNK_ID, chunk.id())
                        .add("title", chunk.title())
                        .add("source", chunk.source())
                        .add("section", chunk.section())
                        .add("text", chunk.text())
                        .add(POSITION, chunk.position())
                        .add(PAGE, chunk.page())
                        .add(COMMITTED, false))
                .build();
    }

    private static JsonObject documentPoint(Document document, int chunkCount) {
        JsonObjectBuilder metadata = Json.createObjectBuilder();
        document.metadata().forEach(metadata::add);
        return Json.createObjectBuilder()
                .add("id", pointId("document", document.id().value()))
                .add("vector", JsonValue.EMPTY_JSON_OBJECT)
                .add("payload", Json.createObjectBuilder()
                        .add(KIND, "document")
                        .add(DOCUMENT_ID, document.id().value())
                        .add("title", document.title())
                        .add("source", document.source())
                        .add("text", document.text())
                        .add("metadata", metadata)
                        .add(CREATED_AT, document.createdAt().toEpochMilli())
                        .add("chunk_count", chunkCount)
                        .add(COMMITTED, false))
                .build();
    }

    private JsonObject metaPoint() {
        return Json.createObjectBuilder()
                .add("id", pointId("meta", collection))
                .add("vector", JsonValue.EMPTY_JSON_OBJECT)
                .add("payload", Json.createObjectBuilder().add(KIND, "meta").add(EMBEDDING_MODEL, embeddingModel))
                .build();
    }

    private static Chunk chunk(JsonObject payload) {
        return new Chunk(payload.getString(CHUNK_ID), new DocumentId(payload.getString(DOCUMENT_ID)), payload.getString("title"),
                payload.getString("source"), payload.getString("section"), payload.getString("text"), payload.getInt(POSITION),
                payload.getInt(PAGE, 0));
    }

    private static Document document(JsonObject payload) {
        Map<String, String> metadata = new HashMap<>();
        payload.getJsonObject("metadata").forEach((key, value) -> metadata.put(key, ((JsonString) value).getString()));
        return new Document(new DocumentId(payload.getString(DOCUMENT_ID)), payload.getString("title"), payload.getString("source"),
                payload.getString("text"), metadata, Instant.ofEpochMilli(payload.getJsonNumber(CREATED_AT).longValue()));
    }

    /** Qdrant takes unsigned integers or UUIDs as point ids: a name-based UUID of what the point is. */
    static String pointId(String kind, String id) {
        return UUID.nameUUIDFromBytes((kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JsonObject seenChunks() {
        return must(match(KIND, "chunk"), match(COMMITTED, true));
    }

    private static JsonObject must(JsonObject... conditions) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (JsonObject condition : conditions) {
            all.add(condition);
        }
        return Json.createObjectBuilder().add("must", all).build();
    }

    private static JsonObject match(String key, String value) {
        return match(key, Json.createValue(value));
    }

    private static JsonObject match(String key, boolean value) {
        return match(key, value ? JsonValue.TRUE : JsonValue.FALSE);
    }

    private static JsonObject match(String key, JsonValue value) {
        return Json.createObjectBuilder().add("key", key).add("match", Json.createObjectBuilder().add("value", value)).build();
    }
}

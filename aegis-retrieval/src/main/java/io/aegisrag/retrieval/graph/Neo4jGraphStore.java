package io.aegisrag.retrieval.graph;

import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.graph.ChunkScore;
import io.aegisrag.core.graph.Entity;
import io.aegisrag.core.graph.EntitySimilarity;
import io.aegisrag.core.graph.Mention;
import io.aegisrag.core.graph.Relation;
import io.aegisrag.core.graph.SavedCommunity;
import io.aegisrag.core.port.GraphStore;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@link GraphStore} in Neo4j over Bolt. Schema: {@code (:Document {id})}, {@code (:Chunk {id,
 * document_id})-[:PART_OF]->(:Document)}, {@code (:Chunk)-[:MENTIONS]->(:Entity:DocumentEntity {id,
 * name, type})}, and each relation a typed edge between two entities ({@code worked_with} is
 * {@code -[:WORKED_WITH {name, chunk_id, document_id}]->}). The second label keeps the documents'
 * entities apart from temporal memory's Graphiti {@code :Entity} nodes in the same database. The
 * communities are {@code (:Community:DocumentCommunity {id, summary, summarized_by, rank})-[:HAS_MEMBER]->(:DocumentEntity)}.
 * An entity's name embedding is its {@code name_vector}. Uniqueness constraints, a full-text index on
 * entity names (typos), a text index on their lower-case names (contains) and a vector index on their
 * name embeddings (cosine) are created at first use, so the service starts while Neo4j is down.
 * Every statement is parameterised (a relation type becomes part of a statement only after it matched
 * {@code [A-Z][A-Z0-9_]*}); a document is written or removed in one managed transaction made of
 * deletes, MERGEs and CREATEs that start from what the transaction itself deleted, so a retry is
 * harmless and a failure leaves nothing half-written.
 */
public final class Neo4jGraphStore implements GraphStore, AutoCloseable {

    static final String LABEL = "DocumentEntity";
    private static final Pattern RELATION_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    private static final Set<String> RESERVED_TYPES = Set.of("MENTIONS", "PART_OF", "RELATES_TO");
    private static final String FALLBACK_TYPE = "RELATED_TO";
    private static final int SHORTEST_FUZZY = 4;
    /** A document's transaction may run this many connection timeouts: a long document writes thousands of mentions. */
    private static final int WRITE_TIMEOUTS = 6;

    static final String NAME_VECTOR_INDEX = "document_entity_name_vectors";
    private static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT document_entity_id IF NOT EXISTS FOR (n:DocumentEntity) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT chunk_id IF NOT EXISTS FOR (n:Chunk) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT document_community_id IF NOT EXISTS FOR (n:DocumentCommunity) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX chunk_document_id IF NOT EXISTS FOR (n:Chunk) ON (n.document_id)",
            "CREATE TEXT INDEX document_entity_name_lower IF NOT EXISTS FOR (n:DocumentEntity) ON (n.name_lower)",
            "CREATE FULLTEXT INDEX document_entity_names IF NOT EXISTS FOR (n:DocumentEntity) ON EACH [n.name]");

    private static final String RELATION_COLUMNS = " RETURN startNode(r).id AS source, endNode(r).id AS target, r.name AS type,"
            + " r.chunk_id AS chunk, r.sentence AS sentence";

    private final Driver driver;
    private final String database;
    private final Duration timeout;
    private final int nameDimension;
    private volatile boolean schemaReady;

    /**
     * @param password      null to connect without authentication (then {@code user} is not used)
     * @param nameDimension the length of the entity name embeddings, which the vector index is made for
     */
    public Neo4jGraphStore(String uri, String user, String password, String database, Duration timeout, int nameDimension) {
        long millis = timeout.toMillis();
        this.driver = GraphDatabase.driver(uri, password == null ? AuthTokens.none() : AuthTokens.basic(user, password),
                Config.builder()
                        .withConnectionTimeout(millis, TimeUnit.MILLISECONDS)
                        .withConnectionAcquisitionTimeout(millis, TimeUnit.MILLISECONDS)
                        .withMaxTransactionRetryTime(millis, TimeUnit.MILLISECONDS)
                        .build());
        this.database = database;
        this.timeout = timeout;
        this.nameDimension = nameDimension;
    }

    @Override
    public void addDocument(DocumentId documentId, List<Mention> mentions, List<Relation> relations, Map<String, float[]> nameVectors) {
        Set<String> mentioned = mentions.stream().map(mention -> mention.entity().id()).collect(Collectors.toSet());
        nameVectors.forEach((entityId, vector) -> {
            if (vector.length != nameDimension) {
                throw new IllegalArgumentException("the name embedding of " + entityId + " has " + vector.length
                        + " dimensions, the graph's vector index " + nameDimension);
            }
        });
        List<Map<String, Object>> vectorRows = nameVectors.entrySet().stream()
                .filter(entry -> mentioned.contains(entry.getKey()))
                .map(entry -> Map.<String, Object>of("id", entry.getKey(), "vector", entry.getValue())).toList();
        List<Map<String, Object>> mentionRows = mentions.stream().map(mention -> Map.<String, Object>of(
                "id", mention.entity().id(), "name", mention.entity().name(), "type", mention.entity().type(),
                "name_lower", mention.entity().name().toLowerCase(Locale.ROOT), "chunk", mention.chunkId())).toList();
        Map<String, List<Map<String, Object>>> relationsByType = new LinkedHashMap<>();
        for (Relation relation : new LinkedHashSet<>(relations)) {
            if (mentioned.contains(relation.sourceId()) && mentioned.contains(relation.targetId())) {
                relationsByType.computeIfAbsent(edgeType(relation.type()), type -> new ArrayList<>()).add(Map.of(
                        "source", relation.sourceId(), "target", relation.targetId(), "name", relation.type(), "chunk", relation.chunkId(),
                        "sentence", relation.sentence()));
            }
        }
        write(tx -> {
            remove(tx, documentId.value());
            Map<String, Object> params = Map.of("document", documentId.value(), "mentions", mentionRows);
            tx.run("MERGE (d:Document {id: $document}) WITH d UNWIND $mentions AS m"
                    + " MERGE (e:Entity:DocumentEntity {id: m.id}) ON CREATE SET e.name = m.name, e.type = m.type, e.name_lower = m.name_lower"
                    + " MERGE (c:Chunk {id: m.chunk}) ON CREATE SET c.document_id = $document"
                    + " MERGE (c)-[:PART_OF]->(d)"
                    + " CREATE (c)-[:MENTIONS]->(e)", params).consume();
            relationsByType.forEach((type, rows) -> tx.run("UNWIND $relations AS r"
                    + " MATCH (a:DocumentEntity {id: r.source}), (b:DocumentEntity {id: r.target})"
                    + " CREATE (a)-[:" + type + " {name: r.name, chunk_id: r.chunk, sentence: r.sentence, document_id: $document}]->(b)",
                    Map.of("relations", rows, "document", documentId.value())).consume());
            if (!vectorRows.isEmpty()) {
                tx.run("UNWIND $vectors AS v MATCH (e:DocumentEntity {id: v.id})"
                        + " CALL db.create.setNodeVectorProperty(e, 'name_vector', v.vector)", Map.of("vectors", vectorRows)).consume();
            }
            return null;
        });
    }

    @Override
    public void removeDocument(DocumentId documentId) {
        write(tx -> {
            remove(tx, documentId.value());
            return null;
        });
    }

    /** Deletes the document, its chunks, mentions and relations, then the entities nothing mentions any more. */
    private static void remove(TransactionContext tx, String documentId) {
        Map<String, Object> params = Map.of("document", documentId);
        tx.run("MATCH (:Chunk {document_id: $document})-[:MENTIONS]->(e:DocumentEntity) WITH DISTINCT e"
                + " MATCH (e)-[r]-(:DocumentEntity) WHERE r.document_id = $document DELETE r", params).consume();
        tx.run("MATCH (c:Chunk {document_id: $document})-[:MENTIONS]->(e:DocumentEntity) WITH collect(DISTINCT e) AS touched"
                + " MATCH (c:Chunk {document_id: $document}) DETACH DELETE c"
                + " WITH DISTINCT touched UNWIND touched AS e"
                + " WITH e WHERE NOT (e)<-[:MENTIONS]-() DETACH DELETE e", params).consume();
        tx.run("MATCH (d:Document {id: $document}) DETACH DELETE d", params).consume();
    }

    @Override
    public List<Entity> findEntities(String text, Optional<String> type, int limit) {
        String typed = text.strip().toLowerCase(Locale.ROOT);
        Map<String, Object> params = new HashMap<>();
        params.put("typed", typed);
        params.put("type", type.map(wanted -> wanted.toLowerCase(Locale.ROOT)).orElse(null));
        params.put("limit", limit);
        List<Entity> found = new ArrayList<>(query("MATCH (e:DocumentEntity) WHERE e.name_lower CONTAINS $typed"
                + " AND ($type IS NULL OR toLower(e.type) = $type)"
                + " WITH e, CASE WHEN e.name_lower = $typed THEN 0 WHEN e.name_lower STARTS WITH $typed THEN 1 ELSE 2 END AS rank,"
                + " COUNT { (e)<-[:MENTIONS]-() } AS mentions"
                + " RETURN e.id AS id, e.name AS name, e.type AS type ORDER BY rank, mentions DESC, e.id LIMIT $limit",
                params, Neo4jGraphStore::entity));
        String fuzzy = fuzzyQuery(typed);
        if (found.size() < limit && !fuzzy.isEmpty()) {
            params.put("fuzzy", fuzzy);
            NameMatch match = new NameMatch(typed);
            query("CALL db.index.fulltext.queryNodes('document_entity_names', $fuzzy, {limit: 1000}) YIELD node AS e"
                    + " WHERE ($type IS NULL OR toLower(e.type) = $type) AND NOT e.name_lower CONTAINS $typed"
                    + " RETURN e.id AS id, e.name AS name, e.type AS type, COUNT { (e)<-[:MENTIONS]-() } AS mentions"
                    + " ORDER BY mentions DESC, e.id", params, row -> row).stream()
                    .map(Neo4jGraphStore::entity)
                    .filter(entity -> match.rank(entity.name()).isPresent())
                    .limit(limit - found.size())
                    .forEach(found::add);
        }
        return found;
    }

    /**
     * A Lucene fuzzy query of the typed words that are long enough to have a typo, made only of their
     * letters and digits, so nothing the user typed is read as query syntax.
     */
    static String fuzzyQuery(String typed) {
        List<String> terms = new ArrayList<>();
        for (String word : typed.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= SHORTEST_FUZZY) {
                terms.add(word + "~" + (word.length() >= 8 ? 2 : 1));
            }
        }
        return String.join(" OR ", terms);
    }

    /** Neo4j scores cosine similarity in [0, 1] as (1 + cosine) / 2; the port's similarity is the cosine. */
    @Override
    public List<EntitySimilarity> similarEntities(float[] vector, int limit) {
        if (limit <= 0 || vector.length != nameDimension) {
            return List.of();
        }
        return query("CALL db.index.vector.queryNodes('" + NAME_VECTOR_INDEX + "', $limit, $vector) YIELD node, score"
                        + " RETURN node.id AS id, score ORDER BY score DESC, id",
                Map.of("limit", limit, "vector", vector), row -> new EntitySimilarity(row.get("id").asString(), 2 * row.get("score").asDouble() - 1));
    }

    @Override
    public Map<String, List<Entity>> neighborsOfEach(Collection<String> entityIds, int limit) {
        Map<String, List<Entity>> neighbors = new HashMap<>();
        query("UNWIND $ids AS id MATCH (:DocumentEntity {id: id})-[r]-(o:DocumentEntity) WITH id, o, count(r) AS weight"
                        + " ORDER BY weight DESC, o.id WITH id, collect(o)[..$limit] AS best"
                        + " UNWIND best AS o RETURN id AS of, o.id AS id, o.name AS name, o.type AS type",
                Map.of("ids", List.copyOf(entityIds), "limit", limit), row -> row)
                .forEach(row -> neighbors.computeIfAbsent(row.get("of").asString(), id -> new ArrayList<>()).add(entity(row)));
        return neighbors;
    }

    @Override
    public Optional<Entity> entity(String entityId) {
        return query("MATCH (e:DocumentEntity {id: $id}) RETURN e.id AS id, e.name AS name, e.type AS type",
                Map.of("id", entityId), Neo4jGraphStore::entity).stream().findFirst();
    }

    @Override
    public Map<String, Entity> entities(Collection<String> entityIds) {
        Map<String, Entity> found = new HashMap<>();
        query("MATCH (e:DocumentEntity) WHERE e.id IN $ids RETURN e.id AS id, e.name AS name, e.type AS type",
                Map.of("ids", List.copyOf(entityIds)), Neo4jGraphStore::entity).forEach(entity -> found.put(entity.id(), entity));
        return found;
    }

    @Override
    public List<Relation> relations() {
        Map<List<String>, Relation> pairs = new LinkedHashMap<>();
        query("MATCH (:DocumentEntity)-[r]->(:DocumentEntity)" + RELATION_COLUMNS + " ORDER BY source, target, type, chunk",
                Map.of(), Neo4jGraphStore::relation)
                .forEach(relation -> pairs.putIfAbsent(relation.pair(), relation));
        return List.copyOf(pairs.values());
    }

    @Override
    public List<Relation> relationsOf(String entityId, int limit) {
        return query("MATCH (:DocumentEntity {id: $id})-[r]-(:DocumentEntity)" + RELATION_COLUMNS + " LIMIT $limit",
                Map.of("id", entityId, "limit", limit), Neo4jGraphStore::relation);
    }

    @Override
    public List<Entity> neighbors(String entityId, int limit) {
        return query("MATCH (:DocumentEntity {id: $id})-[r]-(o:DocumentEntity) WITH o, count(r) AS weight"
                        + " RETURN o.id AS id, o.name AS name, o.type AS type ORDER BY weight DESC, o.id LIMIT $limit",
                Map.of("id", entityId, "limit", limit), Neo4jGraphStore::entity);
    }

    @Override
    public Set<String> chunksMentioning(Set<String> entityIds) {
        return new LinkedHashSet<>(query("MATCH (c:Chunk)-[:MENTIONS]->(e:DocumentEntity) WHERE e.id IN $ids RETURN DISTINCT c.id AS id",
                Map.of("ids", List.copyOf(entityIds)), row -> row.get("id").asString()));
    }

    @Override
    public Map<String, Set<String>> chunksMentioningEach(Collection<String> entityIds) {
        Map<String, Set<String>> mentioning = new HashMap<>();
        query("MATCH (c:Chunk)-[:MENTIONS]->(e:DocumentEntity) WHERE e.id IN $ids RETURN e.id AS entity, collect(DISTINCT c.id) AS chunks",
                Map.of("ids", List.copyOf(entityIds)), row -> row)
                .forEach(row -> mentioning.put(row.get("entity").asString(), new LinkedHashSet<>(row.get("chunks").asList(Value::asString))));
        return mentioning;
    }

    @Override
    public List<ChunkScore> topChunks(Map<String, Double> entityWeights, int limit) {
        List<Map<String, Object>> weights = entityWeights.entrySet().stream()
                .map(entry -> Map.<String, Object>of("id", entry.getKey(), "weight", entry.getValue())).toList();
        return query("UNWIND $weights AS w MATCH (c:Chunk)-[:MENTIONS]->(:DocumentEntity {id: w.id})"
                        + " WITH c.id AS chunk, sum(w.weight) AS score RETURN chunk, score ORDER BY score DESC, chunk LIMIT $limit",
                Map.of("weights", weights, "limit", limit), row -> new ChunkScore(row.get("chunk").asString(), row.get("score").asDouble()));
    }

    @Override
    public long entityCount() {
        return query("MATCH (e:DocumentEntity) RETURN count(e) AS n", Map.of(), row -> row.get("n").asLong()).get(0);
    }

    @Override
    public long relationCount() {
        return query("MATCH (:DocumentEntity)-[r]->() RETURN count(r) AS n", Map.of(), row -> row.get("n").asLong()).get(0);
    }

    @Override
    public void saveCommunities(List<SavedCommunity> communities) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SavedCommunity community : communities) {
            rows.add(Map.of("id", community.id(), "members", community.memberIds(), "summary", community.summary(),
                    "by", community.summarizedBy(), "rank", rows.size()));
        }
        write(tx -> {
            tx.run("MATCH (c:DocumentCommunity) DETACH DELETE c").consume();
            tx.run("UNWIND $communities AS row"
                    + " CREATE (c:Community:DocumentCommunity {id: row.id, summary: row.summary, summarized_by: row.by, rank: row.rank})"
                    + " WITH c, row UNWIND row.members AS member MATCH (e:DocumentEntity {id: member}) CREATE (c)-[:HAS_MEMBER]->(e)",
                    Map.of("communities", rows)).consume();
            return null;
        });
    }

    @Override
    public List<SavedCommunity> savedCommunities() {
        return query("MATCH (c:DocumentCommunity) OPTIONAL MATCH (c)-[:HAS_MEMBER]->(e:DocumentEntity)"
                        + " WITH c, e ORDER BY e.id WITH c, collect(e.id) AS members"
                        + " RETURN c.id AS id, members, c.summary AS summary, c.summarized_by AS by ORDER BY c.rank",
                Map.of(), row -> new SavedCommunity(row.get("id").asString(), row.get("members").asList(Value::asString),
                        row.get("summary").asString(), row.get("by").asString()));
    }

    @Override
    public String serviceName() {
        return "neo4j";
    }

    /** Counts the entities in a read transaction (creating the schema first, if it has not been). */
    @Override
    public boolean isAvailable() {
        return entityCount() >= 0;
    }

    @Override
    public void close() {
        driver.close();
    }

    /** The edge type of a relation: its name in capitals, or {@value #FALLBACK_TYPE} when that is not a safe, free type. */
    static String edgeType(String relation) {
        String type = relation.toUpperCase(Locale.ROOT);
        return RELATION_TYPE.matcher(type).matches() && !RESERVED_TYPES.contains(type) ? type : FALLBACK_TYPE;
    }

    private static Entity entity(Record row) {
        return new Entity(row.get("id").asString(), row.get("name").asString(), row.get("type").asString());
    }

    private static Relation relation(Record row) {
        return new Relation(row.get("source").asString(), row.get("target").asString(), row.get("type").asString(), row.get("chunk").asString(),
                row.get("sentence").asString(""));
    }

    private <T> List<T> query(String cypher, Map<String, Object> params, Function<Record, T> row) {
        ensureSchema();
        try {
            return driver.executableQuery(cypher).withParameters(params)
                    .withConfig(QueryConfig.builder().withDatabase(database).withRouting(RoutingControl.READ).build())
                    .execute().records().stream().map(row).toList();
        } catch (Neo4jException e) {
            throw new AegisException(ErrorType.DATABASE_ERROR, "Neo4j failed: " + e.getMessage(), e);
        }
    }

    private void write(TransactionCallback<Void> work) {
        ensureSchema();
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            session.executeWrite(work, TransactionConfig.builder().withTimeout(timeout.multipliedBy(WRITE_TIMEOUTS)).build());
        } catch (Neo4jException e) {
            throw new AegisException(ErrorType.DATABASE_ERROR, "Neo4j could not write the graph (nothing was changed): " + e.getMessage(), e);
        }
    }

    private void ensureSchema() {
        if (schemaReady) {
            return;
        }
        synchronized (this) {
            if (!schemaReady) {
                try {
                    QueryConfig config = QueryConfig.builder().withDatabase(database).build();
                    dropNameVectorIndexOfAnotherDimension(config);
                    List<String> schema = new ArrayList<>(SCHEMA);
                    schema.add("CREATE VECTOR INDEX " + NAME_VECTOR_INDEX + " IF NOT EXISTS FOR (n:DocumentEntity) ON (n.name_vector)"
                            + " OPTIONS {indexConfig: {`vector.dimensions`: " + nameDimension + ", `vector.similarity_function`: 'cosine'}}");
                    schema.forEach(statement -> driver.executableQuery(statement).withConfig(config).execute());
                    driver.executableQuery("CALL db.awaitIndexes(60)").withConfig(config).execute();
                } catch (Neo4jException e) {
                    throw new AegisException(ErrorType.DATABASE_ERROR, "Neo4j could not create the graph's schema: " + e.getMessage(), e);
                }
                schemaReady = true;
            }
        }
    }

    /** Another embedding model's names (after a re-index) cannot be searched with this one's vectors: their index goes. */
    private void dropNameVectorIndexOfAnotherDimension(QueryConfig config) {
        List<Record> existing = driver.executableQuery("SHOW INDEXES YIELD name, options WHERE name = $name"
                        + " RETURN options.indexConfig['vector.dimensions'] AS dimensions")
                .withParameters(Map.of("name", NAME_VECTOR_INDEX)).withConfig(config).execute().records();
        if (!existing.isEmpty() && existing.get(0).get("dimensions").asInt() != nameDimension) {
            driver.executableQuery("DROP INDEX " + NAME_VECTOR_INDEX).withConfig(config).execute();
        }
    }
}

package io.aegisrag.memory;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.Fact;
import io.aegisrag.core.memory.FactType;
import io.aegisrag.core.memory.MemoryScope;
import io.aegisrag.core.memory.RetentionPolicy;
import io.aegisrag.core.memory.Supersession;
import io.aegisrag.core.port.TemporalMemory;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@link TemporalMemory} in Neo4j, in Graphiti's schema: an episodic fact is an {@code Episodic} node
 * ({@code session}, {@code content}); an entity fact a {@code MENTIONS} edge from its
 * episode's {@code Episodic} node to an {@code Entity}; a semantic fact a {@code RELATES_TO} edge
 * between two {@code Entity} nodes ({@code name} = the relation, {@code fact} = the sentence). Each
 * carries Graphiti's four instants ({@code valid_at}, {@code invalid_at}, {@code created_at},
 * {@code expired_at}, as Neo4j datetimes), and {@code episode} and {@code lineage} (the fact a version
 * is of) so that forgetting removes every version, a semantic fact's first version Graphiti's
 * {@code fact_embedding} when it was recorded with one, and Graphiti's {@code group_id}: the memory group
 * of the fact, which every read filters by. An {@code Entity}'s {@code uuid} is its normalised name,
 * lower-cased, so subjects match ignoring case; entities are shared by the groups, their edges are not.
 * Elements written before groups existed (whose {@code group_id} held the session) are moved to the
 * default group, or the documents' one for a document's episode, when the schema is first created.
 *
 * <p>Every write is a managed transaction (retried on transient errors, so each statement is a
 * MERGE or a SET that is safe to run twice), every statement parameterised. A supersession first
 * writes its subject's {@code Entity} node, which locks it: two contradicting facts about one subject
 * are resolved one after the other, never both against the same believed version. The schema
 * (uniqueness constraints, range indexes on the instants, Graphiti's full-text indexes) is created
 * at the first use, so the service starts while Neo4j is down. The counts per fact type are read
 * once and then moved by each committed write, not counted again per scrape.
 */
public final class Neo4jTemporalMemory implements TemporalMemory, AutoCloseable {

    /** The group of an element written before groups existed: the documents' for a document's episode, else the default. */
    private static final String UNGROUPED = "CASE WHEN %1$s.episode IS NOT NULL AND NOT %1$s.episode STARTS WITH 'conversation-'"
            + " THEN '" + MemoryScope.DOCUMENTS + "' ELSE '" + MemoryScope.DEFAULT_GROUP + "' END";

    private static final List<String> SCHEMA = List.of(
            "CREATE CONSTRAINT entity_uuid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uuid IS UNIQUE",
            "CREATE CONSTRAINT episodic_uuid IF NOT EXISTS FOR (n:Episodic) REQUIRE n.uuid IS UNIQUE",
            "CREATE INDEX episodic_group_id IF NOT EXISTS FOR (n:Episodic) ON (n.group_id)",
            "CREATE INDEX episodic_episode IF NOT EXISTS FOR (n:Episodic) ON (n.episode)",
            "CREATE INDEX episodic_lineage IF NOT EXISTS FOR (n:Episodic) ON (n.lineage)",
            "CREATE INDEX episodic_valid_at IF NOT EXISTS FOR (n:Episodic) ON (n.valid_at)",
            "CREATE INDEX episodic_created_at IF NOT EXISTS FOR (n:Episodic) ON (n.created_at)",
            "CREATE INDEX relation_uuid IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.uuid)",
            "CREATE INDEX relation_group_id IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.group_id)",
            "CREATE INDEX relation_name IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.name)",
            "CREATE INDEX relation_episode IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.episode)",
            "CREATE INDEX relation_lineage IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.lineage)",
            "CREATE INDEX relation_valid_at IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.valid_at)",
            "CREATE INDEX relation_invalid_at IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.invalid_at)",
            "CREATE INDEX relation_created_at IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.created_at)",
            "CREATE INDEX relation_expired_at IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON (r.expired_at)",
            "CREATE INDEX mention_uuid IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.uuid)",
            "CREATE INDEX mention_episode IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.episode)",
            "CREATE INDEX mention_lineage IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.lineage)",
            "CREATE FULLTEXT INDEX edge_name_and_fact IF NOT EXISTS FOR ()-[r:RELATES_TO]-() ON EACH [r.name, r.fact, r.group_id]",
            "CREATE FULLTEXT INDEX episode_content IF NOT EXISTS FOR (n:Episodic) ON EACH [n.content, n.source, n.source_description, n.group_id]",
            "CREATE FULLTEXT INDEX node_name_and_summary IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.summary, n.group_id]",
            "MATCH (n:Episodic) WHERE n.session IS NULL SET n.session = coalesce(n.group_id, ''), n.group_id = " + UNGROUPED.formatted("n"),
            "MATCH ()-[r:RELATES_TO|MENTIONS]->() WHERE r.session IS NULL SET r.session = coalesce(r.group_id, ''), r.group_id = "
                    + UNGROUPED.formatted("r"));

    private static final String COLUMNS = " AS id, %2$s AS subject, %3$s AS content, %1$s.valid_at AS valid_at, %1$s.invalid_at AS invalid_at,"
            + " %1$s.created_at AS created_at, %1$s.expired_at AS expired_at, %4$s AS relation, %5$s AS object, %1$s.episode AS episode,"
            + " %1$s.group_id AS group_id";
    private static final String IN_SCOPE = "($all OR %s.group_id IN $groups)";
    private static final Map<FactType, String> ROWS = Map.of(
            FactType.EPISODIC, "MATCH (n:Episodic) WHERE n.fact_type = 'episodic' AND ($key IS NULL OR toLower(n.session) = $key)"
                    + " AND " + IN_SCOPE.formatted("n") + " RETURN 'EPISODIC' AS type, n.uuid" + columns("n", "n.session", "n.content", "null", "null"),
            FactType.ENTITY, "MATCH (:Episodic)-[r:MENTIONS]->(e:Entity) WHERE r.fact IS NOT NULL AND ($key IS NULL OR e.uuid = $key)"
                    + " AND " + IN_SCOPE.formatted("r") + " RETURN 'ENTITY' AS type, r.uuid" + columns("r", "r.subject", "r.fact", "null", "null"),
            FactType.SEMANTIC, "MATCH (s:Entity)-[r:RELATES_TO]->(:Entity) WHERE ($key IS NULL OR s.uuid = $key)"
                    + " AND " + IN_SCOPE.formatted("r") + " RETURN 'SEMANTIC' AS type, r.uuid" + columns("r", "r.subject", "r.fact", "r.name", "r.object"));
    private static final String KNOWN = "created_at <= $known AND (expired_at IS NULL OR expired_at > $known)";
    private static final String VALID = "valid_at <= $valid AND (invalid_at IS NULL OR invalid_at > $valid)";

    private final Driver driver;
    private final SessionConfig session;
    private final Map<FactType, AtomicLong> counts = new EnumMap<>(FactType.class);
    private volatile boolean ready;

    /**
     * @param password null to connect without authentication (then {@code user} is not used)
     * @param timeout  how long to wait for a connection, and to retry a transaction that failed on a
     *                transient error or an unavailable server, before giving up
     */
    public Neo4jTemporalMemory(String uri, String user, String password, String database, Duration timeout) {
        this.driver = GraphDatabase.driver(uri, password == null ? AuthTokens.none() : AuthTokens.basic(user, password),
                Config.builder().withConnectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .withMaxTransactionRetryTime(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .withConnectionAcquisitionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .build());
        this.session = SessionConfig.forDatabase(database);
    }

    private static String columns(String element, String subject, String content, String relation, String object) {
        return String.format(COLUMNS, element, subject, content, relation, object);
    }

    @Override
    public void record(Fact fact, boolean supersedes) {
        Map<FactType, Long> change = write(tx -> supersedes && fact.edge() != null
                ? supersede(tx, fact, null, "")
                : put(tx, fact, null, sessionOf(fact, ""), fact.id()));
        apply(change);
    }

    @Override
    public void recordEpisode(String episodeId, List<Fact> facts, Map<String, float[]> embeddings) {
        String session = facts.stream().filter(fact -> fact.type() == FactType.EPISODIC).map(Fact::subject).findFirst().orElse("");
        String group = facts.stream().map(Fact::group).findFirst().orElse(MemoryScope.DEFAULT_GROUP);
        String carrier = facts.stream().filter(fact -> fact.type() == FactType.EPISODIC).map(Fact::id).findFirst().orElse(episodeId);
        apply(write(tx -> {
            Map<FactType, Long> change = new EnumMap<>(FactType.class);
            tx.run("MERGE (n:Episodic {uuid: $carrier}) ON CREATE SET n.name = $carrier, n.session = $session, n.group_id = $group,"
                    + " n.source = 'text', n.source_description = 'aegisrag', n.episode = $episode",
                    Map.of("carrier", carrier, "session", session, "group", group, "episode", episodeId));
            for (Fact fact : facts) {
                Map<FactType, Long> written = fact.edge() != null ? supersede(tx, fact, episodeId, session)
                        : put(tx, fact, episodeId, sessionOf(fact, session), carrier);
                written.forEach((type, delta) -> change.merge(type, delta, Long::sum));
                float[] embedding = embeddings.get(fact.id());
                if (embedding != null && fact.edge() != null) {
                    tx.run("MATCH ()-[r:RELATES_TO {uuid: $id}]->() SET r.fact_embedding = $embedding",
                            Map.of("id", fact.id(), "embedding", doubles(embedding)));
                }
            }
            return change;
        }));
    }

    private static String sessionOf(Fact fact, String episodeSession) {
        return fact.type() == FactType.EPISODIC ? fact.subject() : episodeSession;
    }

    /** Writes a fact as it is; one more believed fact of its type unless it comes expired. */
    private static Map<FactType, Long> put(TransactionContext tx, Fact fact, String episode, String session, String carrier) {
        return put(tx, fact, Origin.of(episode, session), carrier);
    }

    /** Writes a fact as it is, from {@code origin}: a semantic fact's {@code episodes} are those that support it. */
    private static Map<FactType, Long> put(TransactionContext tx, Fact fact, Origin origin, String carrier) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", fact.id());
        params.put("lineage", fact.lineage());
        params.put("episode", origin.episode());
        params.put("session", origin.session());
        params.put("group", fact.group());
        params.put("subject", fact.subject());
        params.put("key", key(fact.subject()));
        params.put("content", fact.content());
        params.put("valid_at", time(fact.validFrom()));
        params.put("invalid_at", time(fact.validTo()));
        params.put("created_at", time(fact.recordedAt()));
        params.put("expired_at", time(fact.expiredAt()));
        params.put("carrier", carrier);
        String instants = "valid_at = $valid_at, %1$s.invalid_at = $invalid_at, %1$s.created_at = $created_at, %1$s.expired_at = $expired_at,"
                + " %1$s.episode = $episode, %1$s.lineage = $lineage, %1$s.session = $session, %1$s.group_id = $group";
        String entity = "MERGE (%1$s:Entity {uuid: $%2$s}) ON CREATE SET %1$s.name = $%3$s, %1$s.created_at = $created_at ";
        switch (fact.type()) {
            case EPISODIC -> tx.run("MERGE (n:Episodic {uuid: $id}) SET n.name = $id, n.content = $content, n.source = 'text',"
                    + " n.source_description = 'aegisrag', n.fact_type = 'episodic', n." + String.format(instants, "n"), params);
            case ENTITY -> tx.run("MERGE (ep:Episodic {uuid: $carrier}) ON CREATE SET ep.name = $carrier, ep.session = $session, ep.group_id = $group,"
                    + " ep.source = 'text', ep.source_description = 'aegisrag', ep.episode = $episode "
                    + String.format(entity, "e", "key", "subject")
                    + "MERGE (ep)-[r:MENTIONS {uuid: $id}]->(e) SET r.fact = $content, r.subject = $subject, r." + String.format(instants, "r"), params);
            case SEMANTIC -> {
                params.put("relation", fact.edge().relation());
                params.put("object", fact.edge().object());
                params.put("object_key", key(fact.edge().object()));
                params.put("episodes", origin.episodes());
                tx.run(String.format(entity, "s", "key", "subject") + "WITH s " + String.format(entity, "o", "object_key", "object")
                        + "MERGE (s)-[r:RELATES_TO {uuid: $id}]->(o) SET r.name = $relation, r.fact = $content, r.subject = $subject,"
                        + " r.object = $object, r.source_uuid = s.uuid, r.target_uuid = o.uuid, r.reference_time = $valid_at,"
                        + " r.episodes = $episodes, r." + String.format(instants, "r"), params);
            }
        }
        return fact.expiredAt() == null ? Map.of(fact.type(), 1L) : Map.of();
    }

    /**
     * Where a fact came from: its episode (null when recorded alone), the episode's session, and the
     * episodes that support it (its own, and those that restated it).
     */
    private record Origin(String episode, String session, List<String> episodes) {

        static Origin of(String episode, String session) {
            return new Origin(episode, session, episode == null ? List.of() : List.of(episode));
        }
    }

    /**
     * Records a semantic fact against the versions of its group believed of its subject's relation,
     * after locking the subject; the versions of an older fact keep its episode and session.
     */
    private static Map<FactType, Long> supersede(TransactionContext tx, Fact fact, String episode, String session) {
        Map<String, Object> params = new HashMap<>();
        params.put("key", key(fact.subject()));
        params.put("subject", fact.subject());
        params.put("relation", fact.edge().relation());
        params.put("group", fact.group());
        params.put("created_at", time(fact.recordedAt()));
        List<Record> rows = tx.run("MERGE (s:Entity {uuid: $key}) ON CREATE SET s.name = $subject,"
                + " s.created_at = $created_at SET s.updated_at = $created_at WITH s"
                + " MATCH (s)-[r:RELATES_TO {name: $relation}]->(:Entity) WHERE r.expired_at IS NULL AND r.group_id = $group"
                + " RETURN 'SEMANTIC' AS type, r.uuid" + columns("r", "r.subject", "r.fact", "r.name", "r.object")
                + ", coalesce(r.session, '') AS session, coalesce(r.episodes, []) AS episodes", params).list();
        Map<String, Origin> origins = new HashMap<>();
        List<Fact> believed = new ArrayList<>();
        for (Record row : rows) {
            Fact old = fact(row);
            believed.add(old);
            origins.put(old.lineage(), new Origin(nullable(row.get("episode")), row.get("session").asString(), row.get("episodes").asList(Value::asString)));
        }
        Optional<Fact> restated = believed.stream().filter(old -> old.isRestatedBy(fact)).findFirst();
        if (restated.isPresent()) {
            restate(tx, restated.get(), origins.get(restated.get().lineage()), fact, episode);
            return Map.of();
        }
        Supersession change = Supersession.of(fact, believed);
        for (Fact expired : change.expired()) {
            expire(tx, expired);
        }
        for (Fact added : change.added()) {
            put(tx, added, origins.getOrDefault(added.lineage(), Origin.of(episode, session)), added.id());
        }
        return Map.of(FactType.SEMANTIC, (long) change.added().size() - change.expired().size());
    }

    /**
     * {@code fact} states what {@code old} does: its episode joins those that support {@code old}, and
     * when it became true earlier, {@code old} is expired and a version valid from then recorded.
     */
    private static void restate(TransactionContext tx, Fact old, Origin origin, Fact fact, String episode) {
        List<String> episodes = new ArrayList<>(origin.episodes());
        if (episode != null && !episodes.contains(episode)) {
            episodes.add(episode);
        }
        if (fact.validFrom().isBefore(old.validFrom())) {
            expire(tx, old.expired(fact.recordedAt()));
            Fact version = old.startingAt(fact.validFrom(), old.id() + "~" + fact.id(), fact.recordedAt());
            put(tx, version, new Origin(origin.episode(), origin.session(), episodes), version.id());
        } else {
            tx.run("MATCH ()-[r:RELATES_TO {uuid: $id}]->() SET r.episodes = $episodes", Map.of("id", old.id(), "episodes", episodes));
        }
    }

    private static void expire(TransactionContext tx, Fact expired) {
        tx.run("MATCH ()-[r:RELATES_TO {uuid: $id}]->() SET r.expired_at = $expired_at", Map.of("id", expired.id(), "expired_at", time(expired.expiredAt())));
    }

    /**
     * The relations other episodes support too stop naming these episodes, so that removing the
     * episodes' elements leaves them.
     */
    private static void release(TransactionContext tx, List<String> episodes) {
        tx.run("MATCH ()-[r:RELATES_TO]->() WHERE any(e IN r.episodes WHERE e IN $episodes) AND any(e IN r.episodes WHERE NOT e IN $episodes)"
                + " WITH r, [e IN r.episodes WHERE NOT e IN $episodes] AS others"
                + " SET r.episodes = others, r.episode = CASE WHEN r.episode IN $episodes THEN others[0] ELSE r.episode END",
                Map.of("episodes", episodes));
    }

    @Override
    public Map<String, List<String>> episodesOf(List<Fact> facts) {
        List<String> ids = facts.stream().map(Fact::id).toList();
        Map<String, List<String>> episodes = new LinkedHashMap<>();
        read(tx -> tx.run("UNWIND $ids AS id OPTIONAL MATCH ()-[r:RELATES_TO|MENTIONS {uuid: id}]->() OPTIONAL MATCH (n:Episodic {uuid: id})"
                + " RETURN id, CASE WHEN r IS NOT NULL AND type(r) = 'RELATES_TO' THEN coalesce(r.episodes, [])"
                + " WHEN r IS NOT NULL AND r.episode IS NOT NULL THEN [r.episode]"
                + " WHEN n IS NOT NULL AND n.episode IS NOT NULL THEN [n.episode] ELSE [] END AS episodes", Map.of("ids", ids)).list())
                .forEach(row -> episodes.put(row.get("id").asString(), row.get("episodes").asList(Value::asString)));
        return episodes;
    }

    /** The {@code fact_embedding} of any version of each fact's lineage (only the first version carries it). */
    @Override
    public Map<String, float[]> embeddingsOf(List<Fact> facts) {
        List<String> lineages = facts.stream().map(Fact::lineage).distinct().toList();
        Map<String, float[]> byLineage = new HashMap<>();
        read(tx -> tx.run("UNWIND $lineages AS lineage MATCH ()-[r:RELATES_TO {lineage: lineage}]->() WHERE r.fact_embedding IS NOT NULL"
                + " RETURN lineage, head(collect(r.fact_embedding)) AS embedding", Map.of("lineages", lineages)).list())
                .forEach(row -> byLineage.put(row.get("lineage").asString(), floats(row.get("embedding").asList(Value::asFloat))));
        return Fact.byVersion(facts, byLineage);
    }

    private static List<Double> doubles(float[] vector) {
        List<Double> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add((double) value);
        }
        return values;
    }

    private static float[] floats(List<Float> values) {
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i);
        }
        return vector;
    }

    @Override
    public boolean forgetEpisode(String episodeId) {
        Optional<Map<FactType, Long>> change = write(tx -> {
            boolean held = tx.run("MATCH (n:Episodic {episode: $episode}) RETURN count(n) > 0 AS held", Map.of("episode", episodeId))
                    .single().get("held").asBoolean();
            if (!held) {
                return Optional.<Map<FactType, Long>>empty();
            }
            release(tx, List.of(episodeId));
            return Optional.of(remove(tx, "episode", List.of(episodeId)));
        });
        change.ifPresent(this::apply);
        return change.isPresent();
    }

    /**
     * Deletes every element whose {@code property} ({@code episode} or {@code lineage}) is one of
     * {@code values}, and the entities nothing relates to or mentions any more; returns the believed
     * facts removed, negated, by type.
     */
    private static Map<FactType, Long> remove(TransactionContext tx, String property, List<String> values) {
        Map<String, Object> params = Map.of("values", values);
        Map<FactType, Long> removed = new EnumMap<>(FactType.class);
        Record relations = tx.run("OPTIONAL MATCH (a)-[r:RELATES_TO|MENTIONS]->(b) WHERE r." + property + " IN $values"
                + " WITH collect(DISTINCT a) + collect(DISTINCT b) AS touched,"
                + " sum(CASE WHEN type(r) = 'RELATES_TO' AND r.expired_at IS NULL THEN 1 ELSE 0 END) AS semantic,"
                + " sum(CASE WHEN type(r) = 'MENTIONS' AND r.fact IS NOT NULL AND r.expired_at IS NULL THEN 1 ELSE 0 END) AS entity,"
                + " collect(r) AS doomed"
                + " FOREACH (r IN doomed | DELETE r)"
                + " RETURN [n IN touched WHERE n:Entity | n.uuid] AS entities, semantic, entity", params).single();
        Record episodes = tx.run("MATCH (n:Episodic) WHERE n." + property + " IN $values"
                + " WITH n, CASE WHEN n.fact_type = 'episodic' AND n.expired_at IS NULL THEN 1 ELSE 0 END AS believed"
                + " OPTIONAL MATCH (n)-[:MENTIONS]->(e:Entity) WITH n, believed, collect(e.uuid) AS mentioned"
                + " DETACH DELETE n RETURN sum(believed) AS episodic, reduce(acc = [], ids IN collect(mentioned) | acc + ids) AS entities",
                params).single();
        Set<String> touched = new HashSet<>(relations.get("entities").asList(Value::asString));
        touched.addAll(episodes.get("entities").asList(Value::asString));
        tx.run("UNWIND $entities AS id MATCH (e:Entity {uuid: id}) WHERE NOT (e)--() DELETE e", Map.of("entities", List.copyOf(touched)));
        long episodic = episodes.get("episodic").asLong();
        removed.put(FactType.SEMANTIC, -relations.get("semantic").asLong());
        removed.put(FactType.ENTITY, -relations.get("entity").asLong());
        removed.put(FactType.EPISODIC, -episodic);
        return removed;
    }

    @Override
    public Set<String> episodes(MemoryScope scope) {
        return read(tx -> tx.run("MATCH (n:Episodic) WHERE n.episode IS NOT NULL AND " + IN_SCOPE.formatted("n")
                        + " RETURN DISTINCT n.episode AS episode", inScope(new HashMap<>(), scope))
                .list(row -> row.get("episode").asString()).stream().collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public List<Fact> factsAt(MemoryScope scope, Instant validAt, Instant knownAt, Optional<String> subject, Optional<FactType> type,
                              boolean includeInvalid) {
        List<String> branches = type.map(only -> List.of(ROWS.get(only))).orElseGet(() -> List.copyOf(ROWS.values()));
        Map<String, Object> params = inScope(new HashMap<>(), scope);
        params.put("key", subject.map(Neo4jTemporalMemory::key).orElse(null));
        params.put("known", time(knownAt));
        params.put("valid", time(validAt));
        String cypher = "CALL { " + String.join(" UNION ALL ", branches) + " } WITH * WHERE " + KNOWN
                + (includeInvalid ? "" : " AND " + VALID) + " RETURN *";
        return read(tx -> tx.run(cypher, params).list(Neo4jTemporalMemory::fact)).stream()
                .sorted(Fact.BY_VALID_FROM).toList();
    }

    @Override
    public List<Fact> history(MemoryScope scope, String subject) {
        Map<String, Object> params = inScope(new HashMap<>(), scope);
        params.put("key", key(subject));
        String cypher = "CALL { " + String.join(" UNION ALL ", ROWS.values()) + " } RETURN *";
        return read(tx -> tx.run(cypher, params).list(Neo4jTemporalMemory::fact)).stream()
                .sorted(Fact.BY_RECORDED_AT).toList();
    }

    /**
     * Full-text search of {@code edge_name_and_fact}: the query's words joined by OR, in the groups of
     * {@code scope} (so other groups' facts never crowd out the caller's candidates), then the facts
     * believed and valid at the instants.
     */
    @Override
    public List<Fact> search(MemoryScope scope, String text, Instant validAt, Instant knownAt, int limit) {
        Set<String> words = KeywordMatch.words(text);
        if (words.isEmpty() || limit < 1) {
            return List.of();
        }
        String query = "(" + words.stream().map(word -> "\"" + word + "\"").collect(Collectors.joining(" OR ")) + ")" + inGroups(scope);
        Map<String, Object> params = inScope(new HashMap<>(Map.of("query", query, "candidates", limit * 10L + 50, "limit", (long) limit,
                "known", time(knownAt), "valid", time(validAt))), scope);
        return read(tx -> tx.run("CALL db.index.fulltext.queryRelationships('edge_name_and_fact', $query, {limit: $candidates})"
                + " YIELD relationship AS r, score WITH r, score,"
                + " r.valid_at AS valid_at, r.invalid_at AS invalid_at, r.created_at AS created_at, r.expired_at AS expired_at"
                + " WHERE " + KNOWN + " AND " + VALID + " AND " + IN_SCOPE.formatted("r")
                + " RETURN 'SEMANTIC' AS type, r.uuid" + columns("r", "r.subject", "r.fact", "r.name", "r.object")
                + " ORDER BY score DESC, created_at DESC LIMIT $limit", params).list(Neo4jTemporalMemory::fact));
    }

    @Override
    public List<Fact> relationsFrom(MemoryScope scope, Set<String> subjects, Instant validAt, Instant knownAt) {
        Map<String, Object> params = inScope(new HashMap<>(Map.of("keys", List.copyOf(subjects), "known", time(knownAt), "valid", time(validAt))),
                scope);
        return read(tx -> tx.run("MATCH (s:Entity)-[r:RELATES_TO]->(:Entity) WHERE s.uuid IN $keys AND " + IN_SCOPE.formatted("r") + " WITH r,"
                + " r.valid_at AS valid_at, r.invalid_at AS invalid_at, r.created_at AS created_at, r.expired_at AS expired_at"
                + " WHERE " + KNOWN + " AND " + VALID
                + " RETURN 'SEMANTIC' AS type, r.uuid" + columns("r", "r.subject", "r.fact", "r.name", "r.object"), params)
                .list(Neo4jTemporalMemory::fact));
    }

    @Override
    public int retain(RetentionPolicy policy, Instant now) {
        List<RetentionPolicy.Held> held = read(tx -> tx.run(ROWS.get(FactType.EPISODIC), inScope(anySubject(), MemoryScope.ALL))
                .list(row -> new RetentionPolicy.Held(fact(row), nullable(row.get("episode")))));
        RetentionPolicy.Removal removal = policy.select(held, now);
        if (removal.isEmpty()) {
            return 0;
        }
        Map<FactType, Long> change = write(tx -> {
            Map<FactType, Long> removed = new EnumMap<>(FactType.class);
            release(tx, List.copyOf(removal.episodes()));
            remove(tx, "episode", List.copyOf(removal.episodes())).forEach((type, delta) -> removed.merge(type, delta, Long::sum));
            remove(tx, "lineage", List.copyOf(removal.facts())).forEach((type, delta) -> removed.merge(type, delta, Long::sum));
            return removed;
        });
        apply(change);
        return (int) -change.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Read from Neo4j once, then moved by each committed write. */
    @Override
    public long count(FactType type) {
        loadCounts();
        return counts.get(type).get();
    }

    private synchronized void loadCounts() {
        if (!counts.isEmpty()) {
            return;
        }
        Map<FactType, Long> loaded = read(tx -> {
            Map<FactType, Long> found = new EnumMap<>(FactType.class);
            found.put(FactType.EPISODIC, tx.run("MATCH (n:Episodic) WHERE n.fact_type = 'episodic' AND n.expired_at IS NULL RETURN count(n) AS n")
                    .single().get("n").asLong());
            found.put(FactType.ENTITY, tx.run("MATCH ()-[r:MENTIONS]->() WHERE r.fact IS NOT NULL AND r.expired_at IS NULL RETURN count(r) AS n")
                    .single().get("n").asLong());
            found.put(FactType.SEMANTIC, tx.run("MATCH ()-[r:RELATES_TO]->() WHERE r.expired_at IS NULL RETURN count(r) AS n")
                    .single().get("n").asLong());
            return found;
        });
        loaded.forEach((type, count) -> counts.put(type, new AtomicLong(count)));
    }

    /** Moves the counts by a committed write; nothing to move before they are first read, which will see it. */
    private synchronized void apply(Map<FactType, Long> change) {
        if (!counts.isEmpty()) {
            change.forEach((type, delta) -> counts.get(type).addAndGet(delta));
        }
    }

    @Override
    public String serviceName() {
        return "neo4j";
    }

    /** Runs a read transaction against the database (creating the schema first, if it has not been). */
    @Override
    public boolean isAvailable() {
        return read(tx -> tx.run("RETURN 1 AS one").single().get("one").asInt() == 1);
    }

    @Override
    public void close() {
        driver.close();
    }

    private <T> T write(TransactionCallback<T> work) {
        return inSession(true, work);
    }

    private <T> T read(TransactionCallback<T> work) {
        return inSession(false, work);
    }

    private <T> T inSession(boolean write, TransactionCallback<T> work) {
        try {
            ensureSchema();
            try (var session = driver.session(this.session)) {
                return write ? session.executeWrite(work) : session.executeRead(work);
            }
        } catch (Neo4jException e) {
            throw new AegisException(ErrorType.DATABASE_ERROR, "Neo4j failed: " + e.getMessage(), e);
        }
    }

    private void ensureSchema() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                try (var session = driver.session(this.session)) {
                    SCHEMA.forEach(statement -> session.run(statement).consume());
                    session.run("CALL db.awaitIndexes(60)").consume();
                }
                ready = true;
            }
        }
    }

    private static Fact fact(Record row) {
        FactType type = FactType.valueOf(row.get("type").asString());
        String relation = nullable(row.get("relation"));
        return new Fact(row.get("id").asString(), type, row.get("subject").asString(), row.get("content").asString(),
                instant(row.get("valid_at")), instant(row.get("invalid_at")), instant(row.get("created_at")),
                instant(row.get("expired_at")), relation == null ? null : new Fact.Edge(relation, row.get("object").asString()),
                row.get("group_id").asString(MemoryScope.DEFAULT_GROUP));
    }

    /** The full-text clause that keeps the groups of {@code scope}: none when it reads every group. */
    private static String inGroups(MemoryScope scope) {
        if (scope.readsAll()) {
            return "";
        }
        return scope.readable().stream().sorted().map(group -> "group_id:\"" + group.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(" OR ", " AND (", ")"));
    }

    /** Adds the parameters of {@link #IN_SCOPE} for {@code scope} to {@code params}. */
    private static Map<String, Object> inScope(Map<String, Object> params, MemoryScope scope) {
        params.put("all", scope.readsAll());
        params.put("groups", List.copyOf(scope.readable()));
        return params;
    }

    private static Map<String, Object> anySubject() {
        Map<String, Object> params = new HashMap<>();
        params.put("key", null);
        return params;
    }

    private static String key(String subject) {
        return subject.toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Value value) {
        return value.isNull() ? null : value.asZonedDateTime().toInstant();
    }

    private static String nullable(Value value) {
        return value.isNull() ? null : value.asString();
    }
}

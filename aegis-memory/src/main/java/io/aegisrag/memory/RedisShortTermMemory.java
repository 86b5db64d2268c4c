package io.aegisrag.memory;

import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.memory.Turn;
import io.aegisrag.core.port.ShortTermMemory;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * {@link ShortTermMemory} in Redis (Lettuce): a list per session ({@code aegis:session:<id>}) of turns
 * as JSON, appended, trimmed to the last {@code maxTurns} and given the TTL again in one Lua script
 * (atomic, one round trip); read with {@code LRANGE}. While Redis is down, commands are refused at
 * once instead of queued (Lettuce would buffer them without bound) and fail after
 * {@code commandTimeout} at most; the connection comes back by itself when Redis does. Connecting is
 * deferred to the first command, so the service starts while Redis is down.
 */
public final class RedisShortTermMemory implements ShortTermMemory, AutoCloseable {

    private static final String KEY_PREFIX = "aegis:session:";
    private static final String APPEND = """
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""";

    private final RedisClient client;
    private final Duration ttl;
    private final int maxTurns;
    private StatefulRedisConnection<String, String> connection;

    /**
     * @param url redis://[password@]host[:port][/database]
     */
    public RedisShortTermMemory(String url, Duration ttl, int maxTurns, Duration commandTimeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(10_000)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                .build());
        this.ttl = ttl;
        this.maxTurns = maxTurns;
    }

    @Override
    public void append(String sessionId, Turn turn) {
        run(redis -> redis.eval(APPEND, ScriptOutputType.INTEGER, new String[]{KEY_PREFIX + sessionId},
                json(turn), Integer.toString(maxTurns), Long.toString(ttl.toMillis())));
    }

    @Override
    public List<Turn> recent(String sessionId, int limit) {
        return run(redis -> redis.lrange(KEY_PREFIX + sessionId, -limit, -1)).stream().map(RedisShortTermMemory::turn).toList();
    }

    @Override
    public boolean forget(String sessionId) {
        return run(redis -> redis.del(KEY_PREFIX + sessionId)) > 0;
    }

    @Override
    public String serviceName() {
        return "redis";
    }

    /** PING. */
    @Override
    public boolean isAvailable() {
        return "PONG".equals(run(RedisCommands::ping));
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }

    private <T> T run(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(connection().sync());
        } catch (RedisException e) {
            throw new AegisException(ErrorType.DATABASE_ERROR, "Redis did not answer: " + e.getMessage(), e);
        }
    }

    private synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection = client.connect();
        }
        return connection;
    }

    private static String json(Turn turn) {
        JsonArrayBuilder sources = Json.createArrayBuilder();
        turn.sources().forEach(source -> sources.add(Json.createObjectBuilder().add("id", source.id()).add("title", source.title())));
        return Json.createObjectBuilder().add("question", turn.question()).add("answer", turn.answer())
                .add("sources", sources).add("at", turn.at().toString()).build().toString();
    }

    private static Turn turn(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject turn = reader.readObject();
            return new Turn(turn.getString("question"), turn.getString("answer"),
                    turn.getJsonArray("sources").getValuesAs(JsonObject.class).stream()
                            .map(source -> new Turn.Source(source.getString("id"), source.getString("title"))).toList(),
                    Instant.parse(turn.getString("at")));
        }
    }
}

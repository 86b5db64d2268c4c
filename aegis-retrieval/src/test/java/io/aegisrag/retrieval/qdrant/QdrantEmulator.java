package io.aegisrag.retrieval.qdrant;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Qdrant's REST API as documented (v1.12, ../shared/INTEGRATION.md §3), replayed by WireMock for the
 * adapter's tests: collections of named dense (cosine) and sparse (idf modifier) vectors, upsert,
 * retrieve, scroll, count, set payload, delete by filter or ids, the Query API (nearest dense, sparse
 * dot product times Qdrant's idf, order_by) with {@code must}/{@code must_not} filters of
 * {@code match} and {@code range}, and Qdrant's envelope and errors (400 for a wrong dimension or a
 * point id that is neither an unsigned integer nor a UUID, 404 for a missing collection, 409 for an
 * existing one). Only what the adapter uses; every write is applied whole or not at all.
 */
public final class QdrantEmulator implements ResponseDefinitionTransformerV2 {

    static final String NAME = "qdrant";
    private static final Pattern PATH = Pattern.compile("/collections/([^/]+)(/.*)?");

    private record Point(String id, Map<String, float[]> dense, Map<String, Map<Long, Double>> sparse, JsonObject payload) {
    }

    private static final class Collection {
        final Map<String, Integer> denseSizes = new HashMap<>();
        final Map<String, Boolean> sparseIdf = new HashMap<>();
        final Map<String, Point> points = new TreeMap<>();
    }

    private static final class QdrantError extends RuntimeException {
        final int status;

        QdrantError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final Map<String, Collection> collections = new HashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*", "");
        try {
            Matcher matcher = PATH.matcher(path);
            if (!matcher.matches()) {
                throw new QdrantError(404, "Not found: " + path);
            }
            JsonObject body = request.getBodyAsString().isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new StringReader(request.getBodyAsString())).readObject();
            JsonValue result = handle(request.getMethod().getName(), matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2), body);
            return reply(200, Json.createObjectBuilder().add("result", result).add("status", "ok").add("time", 0.0001).build());
        } catch (QdrantError e) {
            return reply(e.status, Json.createObjectBuilder().add("status", Json.createObjectBuilder().add("error", e.getMessage())).add("time", 0).build());
        } catch (JsonException | ClassCastException | NullPointerException e) {
            return reply(400, Json.createObjectBuilder().add("status", Json.createObjectBuilder().add("error", "Format error in JSON body: " + e.getMessage())).build());
        }
    }

    private static ResponseDefinition reply(int status, JsonObject body) {
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }

    private JsonValue handle(String method, String name, String rest, JsonObject body) {
        if (method.equals("GET") && rest.equals("/exists")) {
            return Json.createObjectBuilder().add("exists", collections.containsKey(name)).build();
        }
        if (method.equals("PUT") && rest.isEmpty()) {
            return create(name, body);
        }
        Collection collection = collections.get(name);
        if (collection == null) {
            throw new QdrantError(404, "Not found: Collection `" + name + "` doesn't exist!");
        }
        return switch (method + " " + rest) {
            case "GET " -> info(collection);
            case "PUT /index" -> completed();
            case "PUT /points" -> upsert(collection, body.getJsonArray("points"));
            case "POST /points" -> retrieve(collection, body);
            case "POST /points/delete" -> delete(collection, body);
            case "POST /points/payload" -> setPayload(collection, body);
            case "POST /points/count" -> Json.createObjectBuilder()
                    .add("count", selected(collection, body.getJsonObject("filter")).size()).build();
            case "POST /points/scroll" -> scroll(collection, body);
            case "POST /points/query" -> query(collection, body);
            default -> throw new QdrantError(404, "Not found: " + method + " " + rest);
        };
    }

    private JsonValue create(String name, JsonObject body) {
        if (collections.containsKey(name)) {
            throw new QdrantError(409, "Wrong input: Collection `" + name + "` already exists!");
        }
        Collection collection = new Collection();
        body.getJsonObject("vectors").forEach((vector, params) -> {
            if (!params.asJsonObject().getString("distance").equals("Cosine")) {
                throw new QdrantError(400, "this emulator knows only Cosine");
            }
            collection.denseSizes.put(vector, params.asJsonObject().getInt("size"));
        });
        body.getJsonObject("sparse_vectors").forEach((vector, params) ->
                collection.sparseIdf.put(vector, "idf".equals(params.asJsonObject().getString("modifier", "none"))));
        collections.put(name, collection);
        return JsonValue.TRUE;
    }

    private static JsonValue info(Collection collection) {
        JsonObjectBuilder vectors = Json.createObjectBuilder();
        collection.denseSizes.forEach((name, size) -> vectors.add(name, Json.createObjectBuilder().add("size", size).add("distance", "Cosine")));
        return Json.createObjectBuilder().add("status", "green").add("points_count", collection.points.size())
                .add("config", Json.createObjectBuilder().add("params", Json.createObjectBuilder().add("vectors", vectors))).build();
    }

    private static JsonValue completed() {
        return Json.createObjectBuilder().add("operation_id", 1).add("status", "completed").build();
    }

    private static JsonValue upsert(Collection collection, JsonArray points) {
        List<Point> parsed = new ArrayList<>();
        for (JsonObject point : points.getValuesAs(JsonObject.class)) {
            Map<String, float[]> dense = new HashMap<>();
            Map<String, Map<Long, Double>> sparse = new HashMap<>();
            point.getJsonObject("vector").forEach((name, value) -> {
                if (collection.denseSizes.containsKey(name)) {
                    JsonArray values = value.asJsonArray();
                    if (values.size() != collection.denseSizes.get(name)) {
                        throw new QdrantError(400, "Wrong input: Vector dimension error: expected dim: " + collection.denseSizes.get(name)
                                + ", got " + values.size());
                    }
                    float[] vector = new float[values.size()];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = (float) values.getJsonNumber(i).doubleValue();
                    }
                    dense.put(name, vector);
                } else if (collection.sparseIdf.containsKey(name)) {
                    sparse.put(name, sparse(value.asJsonObject()));
                } else {
                    throw new QdrantError(400, "Wrong input: Not existing vector name error: " + name);
                }
            });
            parsed.add(new Point(pointId(point.get("id")), dense, sparse, point.getJsonObject("payload")));
        }
        parsed.forEach(point -> collection.points.put(point.id(), point));
        return completed();
    }

    private static Map<Long, Double> sparse(JsonObject vector) {
        JsonArray indices = vector.getJsonArray("indices");
        JsonArray values = vector.getJsonArray("values");
        if (indices.size() != values.size()) {
            throw new QdrantError(422, "Validation error in JSON body: indices and values must have the same length");
        }
        Map<Long, Double> sparse = new HashMap<>();
        for (int i = 0; i < indices.size(); i++) {
            long index = indices.getJsonNumber(i).longValueExact();
            if (index < 0 || index > 0xFFFF_FFFFL || sparse.put(index, values.getJsonNumber(i).doubleValue()) != null) {
                throw new QdrantError(422, "Validation error in JSON body: sparse indices must be unique unsigned 32-bit integers");
            }
        }
        return sparse;
    }

    private static String pointId(JsonValue id) {
        if (id instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0) {
            return number.toString();
        }
        try {
            return UUID.fromString(((JsonString) id).getString()).toString();
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new QdrantError(400, "Format error in JSON body: value " + id + " is not a valid point ID, valid values are either an unsigned integer or a UUID");
        }
    }

    private static JsonValue retrieve(Collection collection, JsonObject body) {
        JsonArrayBuilder found = Json.createArrayBuilder();
        for (JsonValue id : body.getJsonArray("ids")) {
            Point point = collection.points.get(pointId(id));
            if (point != null) {
                found.add(scored(point, null, body.get("with_payload")));
            }
        }
        return found.build();
    }

    private static JsonValue delete(Collection collection, JsonObject body) {
        if (body.containsKey("points")) {
            body.getJsonArray("points").forEach(id -> collection.points.remove(pointId(id)));
        } else {
            selected(collection, body.getJsonObject("filter")).forEach(point -> collection.points.remove(point.id()));
        }
        return completed();
    }

    private static JsonValue setPayload(Collection collection, JsonObject body) {
        List<Point> points = body.containsKey("points")
                ? body.getJsonArray("points").stream().map(id -> collection.points.get(pointId(id))).filter(p -> p != null).toList()
                : selected(collection, body.getJsonObject("filter"));
        for (Point point : points) {
            JsonObjectBuilder payload = Json.createObjectBuilder(point.payload());
            body.getJsonObject("payload").forEach(payload::add);
            collection.points.put(point.id(), new Point(point.id(), point.dense(), point.sparse(), payload.build()));
        }
        return completed();
    }

    private static JsonValue scroll(Collection collection, JsonObject body) {
        int limit = body.getInt("limit", 10);
        String from = body.containsKey("offset") ? pointId(body.get("offset")) : "";
        List<Point> points = selected(collection, body.getJsonObject("filter")).stream().filter(p -> p.id().compareTo(from) >= 0).toList();
        JsonArrayBuilder page = Json.createArrayBuilder();
        points.stream().limit(limit).forEach(point -> page.add(scored(point, null, body.get("with_payload"))));
        return Json.createObjectBuilder().add("points", page)
                .add("next_page_offset", points.size() > limit ? Json.createValue(points.get(limit).id()) : JsonValue.NULL).build();
    }

    private static JsonValue query(Collection collection, JsonObject body) {
        List<Point> candidates = selected(collection, body.getJsonObject("filter"));
        JsonValue query = body.get("query");
        String using = body.getString("using", "");
        Map<Point, Double> scores = new HashMap<>();
        Comparator<Point> order;
        if (query instanceof JsonArray vector) {
            candidates.stream().filter(p -> p.dense().containsKey(using)).forEach(p -> scores.put(p, cosine(vector, p.dense().get(using))));
            order = Comparator.comparing(scores::get, Comparator.reverseOrder());
        } else if (query.asJsonObject().containsKey("indices")) {
            Map<Long, Double> terms = sparse(query.asJsonObject());
            List<Point> withVector = collection.points.values().stream().filter(p -> p.sparse().containsKey(using)).toList();
            candidates.stream().filter(p -> p.sparse().containsKey(using)).forEach(p -> {
                double score = 0;
                for (Map.Entry<Long, Double> term : terms.entrySet()) {
                    Double weight = p.sparse().get(using).get(term.getKey());
                    if (weight != null) {
                        long df = withVector.stream().filter(other -> other.sparse().get(using).containsKey(term.getKey())).count();
                        double idf = collection.sparseIdf.get(using) ? Math.log((withVector.size() - df + 0.5) / (df + 0.5) + 1) : 1;
                        score += term.getValue() * weight * idf;
                    }
                }
                if (score > 0) {
                    scores.put(p, score);
                }
            });
            order = Comparator.comparing(scores::get, Comparator.reverseOrder());
        } else {
            JsonObject orderBy = query.asJsonObject().getJsonObject("order_by");
            String key = orderBy.getString("key");
            candidates.stream().filter(p -> p.payload().containsKey(key)).forEach(p -> scores.put(p, p.payload().getJsonNumber(key).doubleValue()));
            order = Comparator.comparing(scores::get);
            if ("desc".equals(orderBy.getString("direction", "asc"))) {
                order = order.reversed();
            }
        }
        JsonArrayBuilder points = Json.createArrayBuilder();
        scores.keySet().stream().sorted(order.thenComparing(Point::id))
                .skip(body.getInt("offset", 0)).limit(body.getInt("limit", 10))
                .forEach(point -> points.add(scored(point, scores.get(point), body.get("with_payload"))));
        return Json.createObjectBuilder().add("points", points).build();
    }

    private static double cosine(JsonArray query, float[] vector) {
        double dot = 0;
        double queryNorm = 0;
        double vectorNorm = 0;
        for (int i = 0; i < vector.length; i++) {
            double q = query.getJsonNumber(i).doubleValue();
            dot += q * vector[i];
            queryNorm += q * q;
            vectorNorm += vector[i] * vector[i];
        }
        return queryNorm == 0 || vectorNorm == 0 ? 0 : dot / Math.sqrt(queryNorm * vectorNorm);
    }

    private static JsonObject scored(Point point, Double score, JsonValue withPayload) {
        JsonObjectBuilder scored = Json.createObjectBuilder().add("id", point.id()).add("version", 0);
        if (score != null) {
            scored.add("score", score);
        }
        if (JsonValue.TRUE.equals(withPayload)) {
            scored.add("payload", point.payload());
        } else if (withPayload instanceof JsonArray fields) {
            JsonObjectBuilder payload = Json.createObjectBuilder();
            fields.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .filter(point.payload()::containsKey).forEach(field -> payload.add(field, point.payload().get(field)));
            scored.add("payload", payload);
        }
        return scored.build();
    }

    private static List<Point> selected(Collection collection, JsonObject filter) {
        return collection.points.values().stream().filter(point -> matches(filter, point.payload())).toList();
    }

    private static boolean matches(JsonObject filter, JsonObject payload) {
        if (filter == null) {
            return true;
        }
        for (String clause : filter.keySet()) {
            if (!Set.of("must", "must_not").contains(clause)) {
                throw new QdrantError(400, "this emulator knows only must and must_not, got " + clause);
            }
        }
        boolean all = filter.getJsonArray("must") == null
                || filter.getJsonArray("must").getValuesAs(JsonObject.class).stream().allMatch(c -> holds(c, payload));
        boolean none = filter.getJsonArray("must_not") == null
                || filter.getJsonArray("must_not").getValuesAs(JsonObject.class).stream().noneMatch(c -> holds(c, payload));
        return all && none;
    }

    private static boolean holds(JsonObject condition, JsonObject payload) {
        JsonValue value = payload.get(condition.getString("key"));
        if (condition.containsKey("match")) {
            return condition.getJsonObject("match").get("value").equals(value);
        }
        JsonObject range = condition.getJsonObject("range");
        if (!(value instanceof JsonNumber number)) {
            return false;
        }
        double x = number.doubleValue();
        return (!range.containsKey("gte") || x >= range.getJsonNumber("gte").doubleValue())
                && (!range.containsKey("gt") || x > range.getJsonNumber("gt").doubleValue())
                && (!range.containsKey("lte") || x <= range.getJsonNumber("lte").doubleValue())
                && (!range.containsKey("lt") || x < range.getJsonNumber("lt").doubleValue());
    }
}

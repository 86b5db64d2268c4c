package io.aegisrag.coordinator.openai;

import io.aegisrag.coordinator.rest.JsonFields;
import io.aegisrag.coordinator.security.RateLimited;
import io.aegisrag.core.document.Float32Base64;
import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.error.InvalidInputException;
import io.aegisrag.core.port.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/embeddings}: the vectors of the service's own embedding model (the one its index
 * holds), whatever {@code model} the client names, as floats or, with {@code encoding_format: base64},
 * as the little-endian float32 bytes OpenAI's SDKs ask for by default.
 */
@Path("/v1/embeddings")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OpenAiEmbeddingsResource {

    static final int MAX_INPUTS = 256;
    static final int MAX_INPUT_CHARS = 32_000;
    private static final int CHARS_PER_TOKEN = 4;

    /** One vector, as a list of floats or a base64 string. */
    public record Embedding(String object, int index, Object embedding) {
    }

    /** Tokens read, estimated from the inputs' length. */
    public record Usage(long promptTokens, long totalTokens) {
    }

    /** The reply: one embedding per input, in order. */
    public record EmbeddingList(String object, List<Embedding> data, String model, Usage usage) {
    }

    @Inject
    EmbeddingModel embeddings;

    @Inject
    @ConfigProperty(name = ConfigKeys.EMBEDDING_PROVIDER, defaultValue = "minilm-q")
    String modelName;

    @POST
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenAI-compatible: the service's embedding model's vectors of input (a string or an array of strings)")
    public EmbeddingList embed(String body) {
        JsonFields fields = JsonFields.parse(body);
        List<String> inputs = inputs(fields.value("input"));
        String format = fields.string("encoding_format") == null ? "float" : fields.string("encoding_format");
        if (!format.equals("float") && !format.equals("base64")) {
            throw new InvalidInputException("encoding_format", "must be float or base64, got '" + format + "'");
        }
        Integer dimensions = fields.integer("dimensions");
        if (dimensions != null && dimensions != embeddings.dimension()) {
            throw new InvalidInputException("dimensions", "this model's vectors have " + embeddings.dimension() + " dimensions");
        }
        List<float[]> vectors = embeddings.embedAll(inputs);
        List<Embedding> data = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            data.add(new Embedding("embedding", i, format.equals("base64") ? Float32Base64.encode(vectors.get(i)) : floats(vectors.get(i))));
        }
        long tokens = inputs.stream().mapToLong(input -> Math.max(1, input.length() / CHARS_PER_TOKEN)).sum();
        return new EmbeddingList("list", data, modelName, new Usage(tokens, tokens));
    }

    private static List<String> inputs(JsonValue input) {
        List<String> inputs = new ArrayList<>();
        if (input instanceof JsonString text) {
            inputs.add(text.getString());
        } else if (input instanceof JsonArray array && !array.isEmpty() && array.size() <= MAX_INPUTS) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonString text)) {
                    throw new InvalidInputException("input[" + i + "]", "must be a string (token arrays are not supported)");
                }
                inputs.add(text.getString());
            }
        } else {
            throw new InvalidInputException("input", "must be a string or an array of 1 to " + MAX_INPUTS + " strings");
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).isBlank() || inputs.get(i).length() > MAX_INPUT_CHARS) {
                throw new InvalidInputException(inputs.size() == 1 ? "input" : "input[" + i + "]",
                        "must be a non-blank string of at most " + MAX_INPUT_CHARS + " characters");
            }
        }
        return inputs;
    }

    private static List<Float> floats(float[] vector) {
        List<Float> floats = new ArrayList<>(vector.length);
        for (float value : vector) {
            floats.add(value);
        }
        return floats;
    }
}

package io.aegisrag.core.document;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** Embeddings as text, as OpenAI's {@code encoding_format: base64} gives them: their float32 values, little-endian, in base64. */
public final class Float32Base64 {

    private Float32Base64() {
    }

    public static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    public static float[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("an embedding of " + bytes.length + " bytes is not float32 values");
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}

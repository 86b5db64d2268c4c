package io.aegisrag.llm;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.llm.Answer;
import io.aegisrag.core.llm.Prompt;
import io.aegisrag.observability.interceptor.TrackedCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers already generated, keyed by provider, model, the question as asked and the whole prompt
 * (so every context it was given): the same question over the same contexts is not paid for twice. The
 * least recently used entry goes first; a size of 0 turns the cache off. Cancelled answers are not kept.
 */
@ApplicationScoped
public class LlmResponseCache {

    private final int capacity;
    private final Map<String, Answer> answers;

    @Inject
    public LlmResponseCache(@ConfigProperty(name = ConfigKeys.LLM_CACHE_SIZE, defaultValue = "1000") int capacity) {
        this.capacity = capacity;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > LlmResponseCache.this.capacity;
            }
        };
    }

    protected LlmResponseCache() {
        this(0);
    }

    /** The key of a prompt sent to one provider's model: the question as asked counts, as the extractive model answers it. */
    public static String key(String provider, String model, Prompt prompt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{provider, model, prompt.question(), prompt.system(), prompt.user(),
                    prompt.outputSchema() == null ? "" : prompt.outputSchema()}) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @TrackedCache("llm")
    public Optional<Answer> lookup(String key) {
        synchronized (answers) {
            return Optional.ofNullable(answers.get(key));
        }
    }

    public void store(String key, Answer answer) {
        if (capacity > 0 && !answer.cancelled()) {
            synchronized (answers) {
                answers.put(key, answer);
            }
        }
    }
}

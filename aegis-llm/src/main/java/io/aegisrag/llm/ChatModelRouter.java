package io.aegisrag.llm;

import io.aegisrag.core.config.ConfigKeys;
import io.aegisrag.core.port.ChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** Picks the {@link ChatModel} bean whose provider {@code aegis.llm.provider} names. */
@ApplicationScoped
public class ChatModelRouter {

    private final ChatModel active;

    @Inject
    public ChatModelRouter(@Any Instance<ChatModel> models,
                           @ConfigProperty(name = ConfigKeys.LLM_PROVIDER, defaultValue = "extractive") String provider) {
        this(models.stream().toList(), provider);
    }

    /** @throws IllegalStateException when no model serves {@code provider} */
    public ChatModelRouter(List<ChatModel> all, String provider) {
        this.active = all.stream()
                .filter(model -> model.provider().equals(provider))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(ConfigKeys.LLM_PROVIDER + " must be one of "
                        + all.stream().map(ChatModel::provider).toList() + ", got '" + provider + "'"));
    }

    protected ChatModelRouter() {
        this.active = null;
    }

    /** The chat model that answers queries. */
    public ChatModel active() {
        return active;
    }
}

package io.aegisrag.core.port;

/**
 * Something a port's adapter depends on, probed by the readiness check and by the
 * {@code aegis_service_up} gauge alike.
 */
public interface BackingService {

    /** The {@code service} label: the technology behind the adapter ({@code lucene}, {@code qdrant}, ...). */
    String serviceName();

    /**
     * Whether the service answers now: performs a real, cheap operation against it (reads the index,
     * embeds a word, touches the journal), never a constant. Callers run it with a timeout, and count
     * a probe that throws as down.
     */
    boolean isAvailable();
}

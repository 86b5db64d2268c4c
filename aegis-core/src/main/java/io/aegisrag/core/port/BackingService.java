package io.aegisrag.core.port;

/**
 * Something a port's adapter depends on, probed by the readiness check and by the
 * {@code aegis_service_up} gauge alike.
 */
public interface BackingService {

    /** The {@code service} label: the technology behind the adapter ({@code lucene}, {@code qdrant}, ...). */
    String serviceName();

    /** Whether the service answers now. Must not throw and should return within a second. */
    boolean isAvailable();
}

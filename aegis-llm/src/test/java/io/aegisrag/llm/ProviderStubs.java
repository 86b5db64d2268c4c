package io.aegisrag.llm;

import io.aegisrag.llm.http.ProviderHttp;

import java.time.Duration;

/** Settings for adapters under test: short timeouts and retries, so failures show quickly. */
public final class ProviderStubs {

    public static final ProviderHttp.Timeouts TIMEOUTS = new ProviderHttp.Timeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(700));
    public static final ProviderHttp.RetryPolicy RETRIES = new ProviderHttp.RetryPolicy(2, Duration.ofMillis(50), Duration.ofSeconds(2));

    private ProviderStubs() {
    }

    /** A port nothing listens on. */
    public static int closedPort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

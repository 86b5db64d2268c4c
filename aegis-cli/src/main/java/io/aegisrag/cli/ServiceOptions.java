package io.aegisrag.cli;

import picocli.CommandLine.Option;

import java.net.URI;

/** Where the service is and the API key to use, shared by every command. */
public final class ServiceOptions {

    @Option(names = "--url", defaultValue = "${AEGIS_URL:-http://localhost:9080}", description = "the service (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--api-key", defaultValue = "${AEGIS_API_KEY}", description = "an API key (default: the AEGIS_API_KEY environment variable)")
    String apiKey;

    AegisApi api() {
        return new AegisApi(url, apiKey);
    }
}

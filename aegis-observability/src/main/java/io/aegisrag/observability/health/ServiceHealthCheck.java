package io.aegisrag.observability.health;

import io.aegisrag.core.port.BackingService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of one backing service, named after the port it serves, with the same probe that feeds
 * {@code aegis_service_up{service}}.
 */
public final class ServiceHealthCheck implements HealthCheck {

    private final String port;
    private final BackingService service;

    public ServiceHealthCheck(String port, BackingService service) {
        this.port = port;
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(port)
                .status(ServiceProbe.isUp(service))
                .withData("service", service.serviceName())
                .build();
    }
}

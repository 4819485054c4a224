package com.mallservicedesk.console.relay;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service's public API is: {@code console.services.intake=http://127.0.0.1:8081} … (environment:
 * {@code CONSOLE_SERVICES_INTAKE}). The defaults are the local platform's ports. Only these names are relayed.
 */
@ConfigurationProperties("console")
public record ServiceRoutes(Map<String, URI> services) {

    public ServiceRoutes {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    public Optional<URI> baseOf(String service) {
        return Optional.ofNullable(services.get(service));
    }
}

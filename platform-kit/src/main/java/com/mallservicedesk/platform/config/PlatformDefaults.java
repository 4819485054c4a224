package com.mallservicedesk.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults (acks=all and idempotent producers, exposed actuator endpoints, Chinese
 * as the default language, ...) with the lowest precedence, so a service's own configuration and the
 * standard environment variables still win.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    public static final int MANAGEMENT_PORT_OFFSET = 1000;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            var sources = environment.getPropertySources();
            if (environment.acceptsProfiles(Profiles.of("local", "test"))) {
                // The development secret exists only for these profiles; production refuses to start without an issuer.
                sources.addLast(new ResourcePropertySource("platformDevelopment",
                        new ClassPathResource("platform/development.properties")));
            }
            sources.addLast(
                    new ResourcePropertySource("platformDefaults", new ClassPathResource("platform/defaults.properties")));
            sources.addLast(new MapPropertySource("platformManagementPort", managementPort(environment)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Metrics and health details live on a management port, the service port + 1000 (8081 → 9081), as the platform
     * contract says; on a random service port (tests) the management port is random too. Set
     * {@code management.server.port} to choose another one.
     */
    static Map<String, Object> managementPort(ConfigurableEnvironment environment) {
        int servicePort = environment.getProperty("server.port", Integer.class, 8080);
        return Map.of("management.server.port", servicePort <= 0 ? 0 : servicePort + MANAGEMENT_PORT_OFFSET);
    }
}

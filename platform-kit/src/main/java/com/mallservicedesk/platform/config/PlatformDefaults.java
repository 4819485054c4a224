package com.mallservicedesk.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults (acks=all and idempotent producers, exposed actuator endpoints, Chinese
 * as the default language, ...) with the lowest precedence, so a service's own configuration and the
 * standard environment variables still win.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

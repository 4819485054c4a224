package com.mallservicedesk.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked. Production: the identity provider's JWK set, a required issuer and audience. Only with
 * the {@code local} or {@code test} profile ({@code development = true}) does a shared development secret work
 * without an issuer: a service that finds neither refuses to start rather than accept the secret in the repository.
 *
 * @param jwtSecret   HS256 secret ({@code PLATFORM_JWT_SECRET}); at least 32 bytes; outside development only with an issuer
 * @param jwkSetUri   in production: the identity provider's JWK set; when set, the secret is not used
 * @param issuer      required {@code iss} ({@code PLATFORM_JWT_ISSUER}); required outside development
 * @param audience    required {@code aud} ({@code mall-service-desk}); in development checked only when a token has one
 * @param development set by the {@code local} and {@code test} profiles, never by hand in production
 * @param clockSkew   tolerance for {@code exp} and {@code nbf} between the identity provider's clock and ours
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String jwtSecret, String jwkSetUri, String issuer,
                                         @DefaultValue("mall-service-desk") String audience,
                                         @DefaultValue("false") boolean development,
                                         @DefaultValue("PT30S") Duration clockSkew) {
}

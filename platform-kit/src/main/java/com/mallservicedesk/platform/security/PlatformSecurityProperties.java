package com.mallservicedesk.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret  HS256 secret for development tokens ({@code PLATFORM_JWT_SECRET}); at least 32 bytes
 * @param jwkSetUri  in production: the identity provider's JWK set; when set, the secret is not used
 * @param issuer     when set, tokens must carry this {@code iss}
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String jwtSecret, String jwkSetUri, String issuer) {
}

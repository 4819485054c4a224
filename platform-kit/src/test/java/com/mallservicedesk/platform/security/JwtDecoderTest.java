package com.mallservicedesk.platform.security;

import com.mallservicedesk.platform.devtokens.DevelopmentTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class JwtDecoderTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";

    private final String token = DevelopmentTokens.mint(SECRET, "alice", "Alice", List.of("M001"), List.of("FRONT_DESK"),
            null, Duration.ofMinutes(5));

    @Test
    void aValidDevelopmentTokenIsAccepted() {
        var jwt = decoder(null).decode(token).block();
        assertThat(PlatformUser.from(jwt)).isEqualTo(new PlatformUser("alice", "Alice", java.util.Set.of("M001"),
                java.util.Set.of(Role.FRONT_DESK), null));
    }

    @Test
    void aTokenFromAnotherIssuerIsRejectedWhenAnIssuerIsConfigured() {
        assertThatThrownBy(() -> decoder("https://id.example.com/realms/malls").decode(token).block())
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anExpiredTokenIsRejected() {
        String expired = DevelopmentTokens.mint(SECRET, "alice", "Alice", List.of("M001"), List.of("FRONT_DESK"), null,
                Duration.ofMinutes(-5));
        assertThatThrownBy(() -> decoder(null).decode(expired).block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aShortSecretRefusesToStart() {
        assertThatThrownBy(() -> new PlatformSecurityConfiguration()
                .platformJwtDecoder(development("short", null)))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void outsideDevelopmentAServiceWithoutATrustedIssuerRefusesToStartInsteadOfAcceptingTheSharedSecret() {
        var production = new PlatformSecurityProperties(SECRET, null, null, "mall-service-desk", false, Duration.ofSeconds(30));
        assertThatThrownBy(() -> new PlatformSecurityConfiguration().platformJwtDecoder(production))
                .hasMessageContaining("PLATFORM_JWT_ISSUER");
    }

    @Test
    void aTokenWithoutExpiryIsRejected() {
        String forever = sign(SECRET, "{\"sub\":\"mallory\",\"malls\":[\"*\"],\"roles\":[\"PLATFORM_ADMIN\"]}");
        assertThatThrownBy(() -> decoder(null).decode(forever).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anotherAudienceIsRejectedAndOutsideDevelopmentTheAudienceIsRequired() {
        long exp = java.time.Instant.now().plusSeconds(300).getEpochSecond();
        String otherApp = sign(SECRET, "{\"sub\":\"a\",\"aud\":\"another-app\",\"exp\":" + exp + "}");
        assertThatThrownBy(() -> decoder(null).decode(otherApp).block()).isInstanceOf(JwtValidationException.class);

        String noAudience = sign(SECRET, "{\"sub\":\"a\",\"iss\":\"https://id.example.com\",\"exp\":" + exp + "}");
        var production = new PlatformSecurityConfiguration().platformJwtDecoder(new PlatformSecurityProperties(SECRET, null,
                "https://id.example.com", "mall-service-desk", false, Duration.ofSeconds(30)));
        assertThatThrownBy(() -> production.decode(noAudience).block()).isInstanceOf(JwtValidationException.class);
        String withAudience = sign(SECRET, "{\"sub\":\"a\",\"iss\":\"https://id.example.com\",\"aud\":[\"mall-service-desk\"],"
                + "\"exp\":" + exp + "}");
        assertThat(production.decode(withAudience).block().getSubject()).isEqualTo("a");
    }

    @Test
    void aTokenJustPastItsExpiryIsStillAcceptedWithinTheClockSkew() {
        long now = java.time.Instant.now().getEpochSecond();
        String justExpired = sign(SECRET, "{\"sub\":\"alice\",\"iat\":" + (now - 600) + ",\"exp\":" + (now - 10) + "}");
        assertThat(decoder(null).decode(justExpired).block().getSubject()).isEqualTo("alice");
    }

    private static PlatformSecurityProperties development(String secret, String issuer) {
        return new PlatformSecurityProperties(secret, null, issuer, "mall-service-desk", true, Duration.ofSeconds(30));
    }

    private static org.springframework.security.oauth2.jwt.ReactiveJwtDecoder decoder(String issuer) {
        return new PlatformSecurityConfiguration().platformJwtDecoder(development(SECRET, issuer));
    }

    /** A hand-made HS256 token with exactly these claims. */
    private static String sign(String secret, String claimsJson) {
        try {
            var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
            String input = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + "." + encoder.encodeToString(claimsJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + encoder.encodeToString(mac.doFinal(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

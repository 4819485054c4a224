package com.mallservicedesk.platform.security;

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
                .platformJwtDecoder(new PlatformSecurityProperties("short", null, null)))
                .hasMessageContaining("at least 32 bytes");
    }

    private static org.springframework.security.oauth2.jwt.ReactiveJwtDecoder decoder(String issuer) {
        return new PlatformSecurityConfiguration().platformJwtDecoder(new PlatformSecurityProperties(SECRET, null, issuer));
    }
}

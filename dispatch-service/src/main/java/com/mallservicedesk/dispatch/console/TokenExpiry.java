package com.mallservicedesk.dispatch.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How long the caller's token stays valid. A stream outlives the request that checked its token, so it has to end
 * when the token does. Measured on the wall clock, as the token's {@code exp} and the JWT validator are, not on the
 * service's business clock. (The kit may offer this later; until then the service keeps its own.)
 */
@Component
class TokenExpiry {

    private final Clock wallClock = Clock.systemUTC();

    /** Time left until the token's {@code exp}; zero when it has passed (inside the accepted clock skew) or is unknown. */
    Mono<Duration> remaining() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(JwtAuthenticationToken.class)
                .map(token -> token.getToken().getExpiresAt())
                .map(this::until)
                .defaultIfEmpty(Duration.ZERO);
    }

    Instant now() {
        return wallClock.instant();
    }

    private Duration until(Instant expiresAt) {
        Duration left = Duration.between(wallClock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}

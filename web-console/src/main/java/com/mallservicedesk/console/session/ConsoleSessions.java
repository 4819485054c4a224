package com.mallservicedesk.console.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Starts, reads and ends console sessions (Spring's {@link WebSession}, an HttpOnly SameSite=Strict cookie). A session
 * lives exactly as long as its token: it is never renewed, and one read after the token's expiry ends it.
 */
@Component
public class ConsoleSessions {

    static final String ATTRIBUTE = "console.session";
    public static final String EXCHANGE_ATTRIBUTE = ConsoleSession.class.getName();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** The signed-in session, or empty when there is none or its token has expired (then it is ended too). */
    public Mono<ConsoleSession> current(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            ConsoleSession console = session.getAttribute(ATTRIBUTE);
            if (console == null) {
                return Mono.empty();
            }
            if (console.isOver(clock.instant())) {
                return session.invalidate().then(Mono.empty());
            }
            return Mono.just(console);
        });
    }

    /** Signs the user in: a fresh session id (no fixation), the token kept server-side until it expires. */
    public Mono<ConsoleSession> start(ServerWebExchange exchange, ConsoleUser user, String accessToken,
                                      Instant expiresAt, String signedInWith) {
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            return Mono.error(new IllegalArgumentException("The token has already expired"));
        }
        ConsoleSession console = new ConsoleSession(user, accessToken, expiresAt, randomToken(), signedInWith);
        return exchange.getSession().flatMap(session -> session.changeSessionId().then(Mono.fromSupplier(() -> {
            session.getAttributes().put(ATTRIBUTE, console);
            // Idle expiry can only come earlier than the absolute end, never later.
            session.setMaxIdleTime(Duration.between(now, expiresAt));
            session.start();
            return console;
        })));
    }

    public Mono<Void> end(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate);
    }

    /** Whether this session has ended: signed out, or its token expired. Live streams ask this as they run. */
    public boolean hasEnded(WebSession session, ConsoleSession console) {
        return session.isExpired() || session.getAttribute(ATTRIBUTE) == null || console.isOver(clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

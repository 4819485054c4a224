package com.mallservicedesk.console.session;

import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The signed-in user as the pages need them (never the bearer token), and signing out. */
@RestController
class SessionController {

    record Me(ConsoleUser user, Instant expiresAt, String csrfToken, String signedInWith) {
    }

    private final ConsoleSessions sessions;

    SessionController(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/console/me")
    ResponseEntity<Me> me(ServerWebExchange exchange) {
        ConsoleSession console = exchange.getRequiredAttribute(ConsoleSessions.EXCHANGE_ATTRIBUTE);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Me(console.user(), console.expiresAt(), console.csrfToken(), console.signedInWith()));
    }

    @PostMapping("/console/sign-out")
    Mono<ResponseEntity<Void>> signOut(ServerWebExchange exchange) {
        return sessions.end(exchange).thenReturn(ResponseEntity.noContent().build());
    }
}

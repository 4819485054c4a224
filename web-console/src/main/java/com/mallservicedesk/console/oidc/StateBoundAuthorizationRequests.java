package com.mallservicedesk.console.oidc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keeps a sign-in in progress between the redirect to the identity provider and its redirect back. The usual place,
 * the session, does not work here: the session cookie is SameSite=Strict, so the browser leaves it off the provider's
 * cross-site redirect back. The request is kept server-side under its {@code state} instead, bound to the browser
 * that started it by a short-lived SameSite=Lax cookie that only the callback path receives.
 */
class StateBoundAuthorizationRequests implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "MSD_CONSOLE_SIGN_IN";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(OAuth2AuthorizationRequest request, String binding, Instant until) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean secureCookie;

    StateBoundAuthorizationRequests(Clock clock, boolean secureCookie) {
        this.clock = clock;
        this.secureCookie = secureCookie;
    }

    @Override
    public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        if (request == null) {
            return removeAuthorizationRequest(exchange).then();
        }
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.until().isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            return Mono.error(new IllegalStateException("Too many sign-ins in progress"));
        }
        String binding = random();
        pending.put(request.getState(), new Pending(request, binding, now.plus(LIFETIME)));
        exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, binding).httpOnly(true).secure(secureCookie)
                .sameSite("Lax").path("/login/oauth2/").maxAge(LIFETIME).build());
        return Mono.empty();
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
        return Mono.justOrEmpty(find(exchange, false));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
        OAuth2AuthorizationRequest request = find(exchange, true);
        exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, "").httpOnly(true).secure(secureCookie)
                .sameSite("Lax").path("/login/oauth2/").maxAge(Duration.ZERO).build());
        return Mono.justOrEmpty(request);
    }

    private OAuth2AuthorizationRequest find(ServerWebExchange exchange, boolean remove) {
        String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (state == null || cookie == null) {
            return null;
        }
        Pending found = pending.get(state);
        if (found == null || !found.binding().equals(cookie.getValue()) || found.until().isBefore(clock.instant())) {
            return null;
        }
        if (remove) {
            pending.remove(state, found);
        }
        return found.request();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package com.mallservicedesk.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards what needs a signed-in browser: the relay to the services ({@code /console-api/**}) and the session's own
 * endpoints. No session, or one whose token has expired: 401. A state-changing call must carry the session's CSRF token
 * in {@code X-CSRF-Token} (the cookie alone proves nothing: a browser sends it wherever the call comes from): 403
 * otherwise. Pages and scripts stay public; they hold no data.
 */
@Component
public class SessionGuard implements WebFilter, Ordered {

    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ConsoleSessions sessions;

    public SessionGuard(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public int getOrder() {
        // After Spring Security's chain (which only runs the identity provider's sign-in), before the handlers.
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!guarded(path)) {
            return chain.filter(exchange);
        }
        return sessions.current(exchange)
                .flatMap(console -> {
                    if (!SAFE.contains(exchange.getRequest().getMethod())
                            && !sameToken(console.csrfToken(), exchange.getRequest().getHeaders().getFirst(CSRF_HEADER))) {
                        return Problems.write(exchange, HttpStatus.FORBIDDEN, "csrf-token-invalid",
                                "请求缺少有效的安全令牌 / The request lacks a valid CSRF token",
                                "请刷新页面后重试 / Reload the page and try again");
                    }
                    exchange.getAttributes().put(ConsoleSessions.EXCHANGE_ATTRIBUTE, console);
                    return chain.filter(exchange);
                })
                .switchIfEmpty(Mono.defer(() -> Problems.write(exchange, HttpStatus.UNAUTHORIZED, "console-signed-out",
                        "请先登录 / Please sign in", "会话不存在或已过期 / No session, or it has expired")));
    }

    static boolean guarded(String path) {
        return path.startsWith("/console-api/") || path.equals("/console/me") || path.equals("/console/sign-out");
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}

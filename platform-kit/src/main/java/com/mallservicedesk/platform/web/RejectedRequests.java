package com.mallservicedesk.platform.web;

import com.mallservicedesk.platform.problem.ProblemWriter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses addresses no client should send (encoded control characters such as {@code %00},
 * {@code ..} or {@code ;} in a path, encoded slashes and percent signs) before any controller runs. Its stock answer
 * is a bare 400; this one is the platform's 400 {@code request-rejected} problem in the caller's language, like every
 * other refusal. Registered by the kit's auto-configuration.
 */
public class RejectedRequests implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    public RejectedRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected", new Object[0], Map.of());
    }
}

package com.mallservicedesk.dispatch.web;

import com.mallservicedesk.platform.problem.ProblemWriter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a request the security firewall refuses (an encoded NUL, slash or percent sign in the path) with a 400
 * problem instead of an empty page, like every other refusal. Kept in the service: the kit's security configuration
 * leaves this to the stock handler.
 */
@Component
class RejectedRequestProblems implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    RejectedRequestProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected", new Object[0], Map.of());
    }
}

package com.mallservicedesk.callback.web;

import com.mallservicedesk.platform.problem.ProblemWriter;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A request body larger than the service reads into memory (Spring's codec limit) is a 413 problem that says so, in
 * the caller's language, instead of the kit's generic "bad request" text. Runs just before the kit's problem handler
 * and leaves every other error to it.
 */
@Component
class TooLargeRequests implements WebExceptionHandler, Ordered {

    private final ProblemWriter problems;

    TooLargeRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -3;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!tooLarge(error)) {
            return Mono.error(error);
        }
        return problems.write(exchange, HttpStatus.valueOf(413), "payload-too-large", new Object[0], Map.of());
    }

    private static boolean tooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException
                    || cause instanceof ResponseStatusException status && status.getStatusCode().value() == 413) {
                return true;
            }
        }
        return false;
    }
}

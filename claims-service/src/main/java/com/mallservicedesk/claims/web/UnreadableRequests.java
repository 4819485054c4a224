package com.mallservicedesk.claims.web;

import com.mallservicedesk.claims.evidence.EvidenceLimits;
import com.mallservicedesk.platform.problem.ProblemWriter;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Request bodies the service cannot read, answered as problems in the caller's language instead of the kit's generic
 * text or a 500: a body or upload part over its size limit is a 413 (an evidence upload says the file limit), a
 * multipart body that cannot be parsed (no boundary, too many parts) is a 400. Runs just before the kit's problem
 * handler and leaves every other error to it.
 */
@Component
class UnreadableRequests implements WebExceptionHandler, Ordered {

    private final ProblemWriter problems;
    private final EvidenceLimits limits;

    UnreadableRequests(ProblemWriter problems, EvidenceLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return -3;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (tooLarge(error)) {
            if (EvidenceUploads.isUpload(exchange.getRequest())) {
                return problems.write(exchange, HttpStatus.valueOf(413), "evidence-too-large",
                        new Object[] {limits.maxFileSize().toMegabytes()}, Map.of());
            }
            return problems.write(exchange, HttpStatus.valueOf(413), "payload-too-large", new Object[0], Map.of());
        }
        if (error instanceof DecodingException) {
            // Outside the argument resolvers (a multipart body is parsed for all its parts at once): not wrapped as input.
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", new Object[0], Map.of());
        }
        return Mono.error(error);
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

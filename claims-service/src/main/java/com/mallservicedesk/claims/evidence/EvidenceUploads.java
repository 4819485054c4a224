package com.mallservicedesk.claims.evidence;

import com.mallservicedesk.platform.problem.ProblemWriter;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An evidence upload over the file limit is a 413 {@code evidence-too-large} that names the limit in megabytes, not
 * the kit's generic {@code content-too-large}: specific to claims, because only here does the caller need to know the
 * configured file limit ({@link EvidenceLimits}) to pick a smaller file. As a filter it refuses an upload that
 * declares a length far over the limit before a byte is read, so a huge upload costs neither memory nor disk; as an
 * exception handler (just before the kit's) it says the same when the multipart reader hits its per-part limit on an
 * upload that declared no length. The margin leaves room for the form fields and the multipart framing. Every other
 * request and error is left to the kit.
 */
@Component
class EvidenceUploads implements WebFilter, WebExceptionHandler, Ordered {

    private static final long FRAMING_MARGIN = 1024 * 1024;

    private final ProblemWriter problems;
    private final EvidenceLimits limits;

    EvidenceUploads(ProblemWriter problems, EvidenceLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    private static boolean isUpload(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod()) && request.getPath().value().endsWith("/evidence");
    }

    @Override
    public int getOrder() {
        return -3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (isUpload(request) && declared > limits.maxFileSize().toBytes() + FRAMING_MARGIN) {
            return tooLarge(exchange);
        }
        return chain.filter(exchange);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return isUpload(exchange.getRequest()) && overLimit(error) ? tooLarge(exchange) : Mono.error(error);
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "evidence-too-large",
                new Object[] {limits.maxFileSize().toMegabytes()}, Map.of());
    }

    private static boolean overLimit(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException
                    || cause instanceof ResponseStatusException status && status.getStatusCode().value() == 413) {
                return true;
            }
        }
        return false;
    }
}

package com.mallservicedesk.claims.web;

import com.mallservicedesk.claims.evidence.EvidenceLimits;
import com.mallservicedesk.platform.problem.ProblemWriter;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An evidence upload that declares a length far over the file limit is refused before a byte of it is read, so a huge
 * upload costs neither memory nor disk (the multipart reader's own per-part disk limit stops one that declares no
 * length). The margin leaves room for the form fields and the multipart framing around the file.
 */
@Component
class EvidenceUploads implements WebFilter {

    private static final long FRAMING_MARGIN = 1024 * 1024;

    private final ProblemWriter problems;
    private final EvidenceLimits limits;

    EvidenceUploads(ProblemWriter problems, EvidenceLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    static boolean isUpload(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod()) && request.getPath().value().endsWith("/evidence");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (isUpload(request) && declared > limits.maxFileSize().toBytes() + FRAMING_MARGIN) {
            return problems.write(exchange, HttpStatus.valueOf(413), "evidence-too-large",
                    new Object[] {limits.maxFileSize().toMegabytes()}, Map.of());
        }
        return chain.filter(exchange);
    }
}

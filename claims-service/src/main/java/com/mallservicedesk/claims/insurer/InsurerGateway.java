package com.mallservicedesk.claims.insurer;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * Sends a first notice of loss to a mall's insurer over HTTP and returns the insurer's claim reference. Each mall has its
 * own circuit breaker and retry (configurations {@value #CONFIG}), so one insurer's outage never holds up another mall.
 * The retry here covers short hiccups; a longer outage is bridged by the claim's durable retry timers.
 */
@Component
public class InsurerGateway {

    static final String CONFIG = "insurer";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private final WebClient web;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Duration timeout;

    InsurerGateway(CircuitBreakerRegistry breakers, RetryRegistry retries,
                   @Value("${claims.insurer.timeout:PT10S}") Duration timeout) {
        // A plain client: the insurer is an outside system, none of the service's own client customisations apply.
        this.web = WebClient.builder().build();
        this.breakers = breakers;
        this.retries = retries;
        this.timeout = timeout;
    }

    /**
     * @param credential sent as a bearer token when present; never logged or put into an error message
     * @return the insurer's claim reference
     */
    public Mono<String> report(String mallId, String endpoint, String credential, FirstNoticeOfLoss report) {
        String name = "insurer-" + mallId;
        return Mono.defer(() -> web.post().uri(endpoint)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", report.reportId())
                        .headers(h -> {
                            if (credential != null && !credential.isBlank()) {
                                h.setBearerAuth(credential);
                            }
                        })
                        .bodyValue(report)
                        .exchangeToMono(response -> {
                            int status = response.statusCode().value();
                            if (response.statusCode().is2xxSuccessful()) {
                                return response.bodyToMono(JSON).defaultIfEmpty(Map.of()).flatMap(InsurerGateway::reference);
                            }
                            Mono<Void> drained = response.releaseBody();
                            if (status >= 500 || status == 408 || status == 429) {
                                return drained.then(Mono.error(new InsurerUnavailableException("insurer answered " + status)));
                            }
                            return drained.then(Mono.error(new InsurerRejectedException("insurer answered " + status)));
                        })
                        .timeout(timeout)
                        .onErrorMap(TimeoutException.class, e -> new InsurerUnavailableException("insurer timed out"))
                        .onErrorMap(WebClientRequestException.class,
                                e -> new InsurerUnavailableException("insurer unreachable: " + rootCause(e))))
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(name, CONFIG)))
                .transformDeferred(RetryOperator.of(retries.retry(name, CONFIG)));
    }

    /** Our own words for a failure: status codes and exception types, never the report or the credential. */
    public static String reason(Throwable error) {
        if (error instanceof CallNotPermittedException) {
            return "circuit open: insurer failing, not called";
        }
        if (error instanceof InsurerUnavailableException || error instanceof InsurerRejectedException) {
            return error.getMessage();
        }
        return error.getClass().getSimpleName();
    }

    /** Whether sending the same report later may succeed. */
    public static boolean retryable(Throwable error) {
        return !(error instanceof InsurerRejectedException);
    }

    private static Mono<String> reference(Map<String, Object> body) {
        Object reference = body.get("claimReference");
        if (reference == null || reference.toString().isBlank()) {
            return Mono.error(new InsurerUnavailableException("insurer answered without a claimReference"));
        }
        return Mono.just(reference.toString());
    }

    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}

package com.mallservicedesk.intake.notice;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * Sends one message to a mall's outbound gateway (an HTTP webhook). Each mall has its own circuit breaker and
 * retry, built from the {@code messageGateway} configurations, so one mall's broken gateway never blocks
 * another's notices.
 */
@Component
class MessageGateway {

    static final String CONFIG = "messageGateway";

    private final WebClient web;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Duration timeout;

    MessageGateway(CircuitBreakerRegistry breakers, RetryRegistry retries,
                   @Value("${intake.notices.gateway-timeout:PT5S}") Duration timeout) {
        // A plain client: the gateway is an outside system, none of the service's own client customisations apply.
        this.web = WebClient.builder().build();
        this.breakers = breakers;
        this.retries = retries;
        this.timeout = timeout;
    }

    Mono<Void> send(String mallId, String url, GatewayMessage message) {
        String name = "message-gateway-" + mallId;
        return Mono.defer(() -> web.post().uri(url)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", message.deliveryId())
                        .bodyValue(message)
                        .exchangeToMono(response -> {
                            int status = response.statusCode().value();
                            if (response.statusCode().is2xxSuccessful()) {
                                return response.releaseBody();
                            }
                            Mono<Void> drained = response.releaseBody();
                            if (status >= 500 || status == 408 || status == 429) {
                                return drained.then(Mono.error(new GatewayUnavailableException("gateway answered " + status)));
                            }
                            return drained.then(Mono.error(new GatewayRejectedException("gateway answered " + status)));
                        })
                        .timeout(timeout)
                        .onErrorMap(TimeoutException.class, e -> new GatewayUnavailableException("gateway timed out"))
                        .onErrorMap(WebClientRequestException.class,
                                e -> new GatewayUnavailableException("gateway unreachable: " + rootMessage(e))))
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(name, CONFIG)))
                .transformDeferred(RetryOperator.of(retries.retry(name, CONFIG)));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}

package com.mallservicedesk.intake.notice;

import com.mallservicedesk.intake.gateway.GatewayConnections;
import com.mallservicedesk.intake.gateway.NonPublicAddressException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
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
 * another's notices. Failures carry our codes only: what the gateway answered or why a connection failed stays out
 * of what the mall's users read.
 */
@Component
public class MessageGateway {

    static final String CONFIG = "messageGateway";

    private final WebClient web;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Duration timeout;

    MessageGateway(CircuitBreakerRegistry breakers, RetryRegistry retries, GatewayConnections connections,
                   @Value("${intake.notices.gateway-timeout:PT5S}") Duration timeout) {
        // A plain client on the checked connections: the gateway is an outside system.
        this.web = WebClient.builder().clientConnector(connections.connector()).build();
        this.breakers = breakers;
        this.retries = retries;
        this.timeout = timeout;
    }

    /** @param uri the address exactly as stored: a URI, never a template */
    Mono<Void> send(String mallId, URI uri, GatewayMessage message) {
        return send(mallId, uri, message.deliveryId(), message);
    }

    /**
     * Sends any message (a notice's, an escalation's) through the mall's gateway, on the mall's breaker and retry.
     *
     * @param idempotencyKey the delivery's id: a gateway that got the message before (an answer lost, a retry after a
     *                       crash) can recognise it
     * @throws GatewayUnavailableException (in the Mono) worth retrying; {@link GatewayRejectedException} not now
     */
    public Mono<Void> send(String mallId, URI uri, String idempotencyKey, Object body) {
        String name = "message-gateway-" + mallId;
        return Mono.defer(() -> web.post().uri(uri)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", idempotencyKey)
                        .bodyValue(body)
                        .exchangeToMono(response -> {
                            int status = response.statusCode().value();
                            if (response.statusCode().is2xxSuccessful()) {
                                return response.releaseBody();
                            }
                            Mono<Void> drained = response.releaseBody();
                            if (status >= 500 || status == 408 || status == 429) {
                                return drained.then(Mono.error(new GatewayUnavailableException(DeliveryFailure.UNAVAILABLE,
                                        status)));
                            }
                            return drained.then(Mono.error(new GatewayRejectedException(DeliveryFailure.REJECTED, status)));
                        })
                        .timeout(timeout)
                        .onErrorMap(TimeoutException.class,
                                e -> new GatewayUnavailableException(DeliveryFailure.UNREACHABLE, null))
                        .onErrorMap(WebClientRequestException.class, e -> causedByNonPublicAddress(e)
                                ? new GatewayRejectedException(DeliveryFailure.NOT_ALLOWED, null)
                                : new GatewayUnavailableException(DeliveryFailure.UNREACHABLE, null)))
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(name, CONFIG)))
                .transformDeferred(RetryOperator.of(retries.retry(name, CONFIG)));
    }

    private static boolean causedByNonPublicAddress(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof NonPublicAddressException) {
                return true;
            }
        }
        return false;
    }
}

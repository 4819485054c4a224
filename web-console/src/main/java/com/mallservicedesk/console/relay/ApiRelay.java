package com.mallservicedesk.console.relay;

import com.mallservicedesk.console.session.ConsoleSession;
import com.mallservicedesk.console.session.ConsoleSessions;
import com.mallservicedesk.console.session.Problems;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Relays {@code /console-api/{service}/**} to the service's {@code /api/v1/**} with the session's bearer token.
 * Bodies stream through unchanged both ways (JSON, uploads, the XLSX and PDF downloads, Server-Sent Events), so the
 * console can do exactly what the API allows and nothing more. A live stream ends when its session does: at the
 * token's expiry or when the user signs out.
 */
@Component
class ApiRelay {

    /** What the browser may tell the service; never its cookies, and never an Authorization of its own. */
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE,
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, "Idempotency-Key", "Last-Event-ID",
            HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH);

    /** What the service may tell the browser. */
    static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.RETRY_AFTER, "X-Total-Count", "Repr-Digest");

    /** How often a live stream checks that its session still stands (sign-out ends it within this time). */
    private static final Duration SESSION_CHECK = Duration.ofSeconds(2);

    private final WebClient client;
    private final ServiceRoutes routes;
    private final ConsoleSessions sessions;

    ApiRelay(ServiceRoutes routes, ConsoleSessions sessions) {
        // No response timeout: a live stream stays open as long as its session.
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.routes = routes;
        this.sessions = sessions;
    }

    Mono<Void> relay(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<RelayTarget> found = RelayTarget.of(request.getPath().pathWithinApplication().value(),
                request.getURI().getRawQuery(), routes);
        if (found.isEmpty()) {
            return Problems.write(exchange, HttpStatus.NOT_FOUND, "console-api-not-found",
                    "没有这个接口 / No such API", request.getPath().value());
        }
        RelayTarget target = found.get();
        ConsoleSession console = exchange.getRequiredAttribute(ConsoleSessions.EXCHANGE_ATTRIBUTE);
        HttpMethod method = request.getMethod();
        WebClient.RequestBodySpec call = client.method(method).uri(target.uri()).headers(headers -> {
            REQUEST_HEADERS.forEach(name -> {
                List<String> values = request.getHeaders().get(name);
                if (values != null) {
                    headers.put(name, values);
                }
            });
            headers.setBearerAuth(console.accessToken());
        });
        WebClient.RequestHeadersSpec<?> withBody = hasBody(request)
                ? call.body(BodyInserters.fromDataBuffers(request.getBody())) : call;
        return exchange.getSession().flatMap(session -> withBody
                .exchangeToMono(upstream -> respond(exchange, target, upstream, session, console))
                .onErrorResume(WebClientRequestException.class, e -> Problems.write(exchange, HttpStatus.BAD_GATEWAY,
                        "service-unavailable", "服务暂时无法访问 / The service cannot be reached",
                        target.service())));
    }

    private Mono<Void> respond(ServerWebExchange exchange, RelayTarget target, ClientResponse upstream,
                               WebSession session, ConsoleSession console) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(upstream.statusCode());
        HttpHeaders from = upstream.headers().asHttpHeaders();
        RESPONSE_HEADERS.forEach(name -> {
            List<String> values = from.get(name);
            if (values != null) {
                response.getHeaders().put(name, values);
            }
        });
        // Answers carry personal data: no cache keeps them.
        response.getHeaders().setCacheControl("no-store");
        pointAtRelay(from, response.getHeaders(), target, HttpHeaders.LINK);
        pointAtRelay(from, response.getHeaders(), target, HttpHeaders.LOCATION);
        Flux<DataBuffer> body = upstream.bodyToFlux(DataBuffer.class);
        MediaType type = from.getContentType();
        if (type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
            response.getHeaders().set("X-Accel-Buffering", "no");
            // Flush every piece: an event must reach the console when it happens, not when a buffer fills.
            return response.writeAndFlushWith(body.takeUntilOther(sessionEnd(session, console)).map(Flux::just));
        }
        return response.writeWith(body);
    }

    /** Fires when the session's token expires or the session is ended (signed out). */
    private Mono<Long> sessionEnd(WebSession session, ConsoleSession console) {
        Duration left = Duration.between(sessions.now(), console.expiresAt());
        Mono<Long> expiry = Mono.delay(left.isNegative() ? Duration.ZERO : left);
        Mono<Long> ended = Flux.interval(SESSION_CHECK).filter(tick -> sessions.hasEnded(session, console)).next();
        return Mono.firstWithSignal(expiry, ended);
    }

    private static void pointAtRelay(HttpHeaders from, HttpHeaders to, RelayTarget target, String name) {
        List<String> values = from.get(name);
        if (values != null) {
            to.put(name, values.stream()
                    .map(value -> value.replace(target.serviceApiPrefix(), target.relayPrefix())).toList());
        }
    }

    private static boolean hasBody(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}

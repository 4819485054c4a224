package com.mallservicedesk.platform.problem;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error that reaches the web layer into a problem response. Runs before Boot's default
 * error handler, so a client never sees a stack trace or an HTML page.
 */
public class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ApiException api) {
            return problems.write(exchange, api.status(), api.code(), api.arguments(), api.properties());
        }
        if (error instanceof WebExchangeBindException bind) {
            var errors = bind.getFieldErrors().stream()
                    .map(field -> Map.of("field", field.getField(), "code", String.valueOf(field.getCode()),
                            "message", String.valueOf(problems.text(field, exchange))))
                    .toList();
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "validation-failed",
                    new Object[] {errors.size()}, Map.of("errors", errors));
        }
        if (error instanceof ServerWebInputException input) {
            return malformed(exchange, input);
        }
        if (hasBody(exchange) && causedBy(error, DataBufferLimitException.class)) {
            // Read outside the argument resolvers (a multipart part, a body read by the handler): not wrapped as input.
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", new Object[0], Map.of());
        }
        if (error instanceof DecodingException && isForm(exchange)) {
            // A multipart or form body is parsed for all its parts at once, outside the argument resolvers.
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", new Object[0], Map.of());
        }
        if (error instanceof AuthorizationDeniedException || error instanceof AccessDeniedException) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", new Object[0], Map.of());
        }
        if (error instanceof OptimisticLockingFailureException) {
            return problems.write(exchange, HttpStatus.CONFLICT, "concurrent-modification", new Object[0], Map.of());
        }
        if (error instanceof DuplicateKeyException) {
            return problems.write(exchange, HttpStatus.CONFLICT, "duplicate", new Object[0], Map.of());
        }
        if (error instanceof MethodNotAllowedException) {
            return problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", new Object[0], Map.of());
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", new Object[0], Map.of());
        }
        if (error instanceof NotAcceptableStatusException) {
            return problems.write(exchange, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", new Object[0], Map.of());
        }
        if (error instanceof ServerErrorException missing && missing.getMethodParameter() != null
                && missing.getMethodParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            // A blank path segment where an id belongs ("…/checklist/%20"): the client's mistake, not the server's.
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "bad-request", new Object[0], Map.of());
        }
        if (error instanceof org.springframework.http.InvalidMediaTypeException) {
            // An unreadable Content-Type, of the request or of a multipart part.
            return problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", new Object[0], Map.of());
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return problems.write(exchange, HttpStatus.NOT_FOUND, "not-found", new Object[0], Map.of());
        }
        if (error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            return problems.write(exchange, code, codeFor(code), new Object[0], Map.of());
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", new Object[0], Map.of());
    }

    /** A client error raised as a bare status (by the framework's codecs, for one) still gets its own stable code. */
    private static String codeFor(HttpStatus status) {
        return switch (status) {
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "content-too-large";
            default -> "bad-request";
        };
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** Only a request with a body can be too large or malformed: the same errors from an outbound call stay 500s. */
    private static boolean hasBody(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) != null;
    }

    private static boolean isForm(ServerWebExchange exchange) {
        String type = exchange.getRequest().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        try {
            MediaType parsed = type == null ? null : MediaType.parseMediaType(type);
            return parsed != null && (MediaType.MULTIPART_FORM_DATA.isCompatibleWith(parsed)
                    || MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(parsed));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private Mono<Void> malformed(ServerWebExchange exchange, ServerWebInputException input) {
        if (causedBy(input, DataBufferLimitException.class)) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", new Object[0], Map.of());
        }
        Throwable cause = input;
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return invalid(exchange, field);
        }
        if (causedBy(input, TypeMismatchException.class) && input.getMethodParameter() != null
                && input.getMethodParameter().getParameterName() != null) {
            // A query or path parameter that does not convert (open=maybe, a date that is none): name it.
            return invalid(exchange, parameterName(input.getMethodParameter()));
        }
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", new Object[0], Map.of());
    }

    private Mono<Void> invalid(ServerWebExchange exchange, String field) {
        var errors = List.of(Map.of("field", field, "code", "invalid-value"));
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-field", new Object[] {field},
                Map.of("errors", errors));
    }

    /** The name the client sent: the annotation's, else the Java parameter's. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName();
    }
}

package com.mallservicedesk.platform.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. {@code code} is the stable machine code of the problem response and
 * the key of its Chinese and English texts ({@code problem.<code>.title} / {@code .detail}); the
 * arguments fill the detail's placeholders.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] arguments;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, Object... arguments) {
        this(status, code, Map.of(), arguments);
    }

    public ApiException(HttpStatus status, String code, Map<String, Object> properties, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
        this.properties = properties;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + "-not-found", id);
    }

    public static ApiException conflict(String code, Object... arguments) {
        return new ApiException(HttpStatus.CONFLICT, code, arguments);
    }

    public static ApiException badRequest(String code, Object... arguments) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, arguments);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

package com.mallservicedesk.platform.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details with the platform's stable {@code code}, titled and explained in the
 * caller's language: Chinese unless the request asks for English with {@code Accept-Language}.
 */
public class ProblemWriter {

    private static final String TYPE_PREFIX = "urn:mall-service-desk:problem:";

    private final MessageSource messages;
    private final JsonMapper json;

    public ProblemWriter(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, Object[] arguments,
                            Map<String, Object> properties) {
        Locale locale = localeOf(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + code);
        body.put("title", text("problem." + code + ".title", arguments, locale, status.getReasonPhrase()));
        body.put("status", status.value());
        body.put("detail", text("problem." + code + ".detail", arguments, locale, null));
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", code);
        body.putAll(properties);
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLanguage(locale);
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** Resolves a validation message (field errors are {@link MessageSourceResolvable}) in the caller's language. */
    public String text(MessageSourceResolvable resolvable, ServerWebExchange exchange) {
        try {
            return messages.getMessage(resolvable, localeOf(exchange));
        } catch (NoSuchMessageException e) {
            return resolvable.getDefaultMessage();
        }
    }

    private String text(String key, Object[] arguments, Locale locale, String fallback) {
        return messages.getMessage(key, arguments, fallback, locale);
    }

    private static Locale localeOf(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}

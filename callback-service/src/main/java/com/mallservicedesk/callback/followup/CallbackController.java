package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/callbacks")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class CallbackController {

    private static final int MAX_PAGE_SIZE = 200;

    private final Callbacks callbacks;
    private final CallbackQueue queue;
    private final IdempotentRequests idempotency;

    CallbackController(Callbacks callbacks, CallbackQueue queue, IdempotentRequests idempotency) {
        this.callbacks = callbacks;
        this.queue = queue;
        this.idempotency = idempotency;
    }

    /**
     * The queue, soonest due first: {@code ?status=DUE,OVERDUE&kind=REPAIR&page=0&size=50}. The body is the page's
     * callbacks; {@code X-Total-Count} tells how many match and {@code Link: <…>; rel="next"} where the next page is.
     */
    @GetMapping
    Mono<ResponseEntity<List<CallbackView>>> list(@PathVariable String mallId,
                                                  @RequestParam(required = false) List<String> status,
                                                  @RequestParam(required = false) String kind,
                                                  @RequestParam(required = false) String page,
                                                  @RequestParam(required = false) String size,
                                                  PlatformUser user, ServerHttpRequest request) {
        List<CallbackStatus> statuses = new ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            statuses.add(parse("status", s, CallbackStatus.class));
        }
        CallbackKind callbackKind = kind == null || kind.isBlank() ? null : parse("kind", kind, CallbackKind.class);
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = number("size", size, 50, 1, MAX_PAGE_SIZE);
        return queue.page(mallId, statuses, callbackKind, pageNumber, pageSize).map(found -> {
            HttpHeaders headers = new HttpHeaders();
            headers.set("X-Total-Count", Long.toString(found.total()));
            if ((long) (pageNumber + 1) * pageSize < found.total()) {
                String next = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam("page", pageNumber + 1)
                        .replaceQueryParam("size", pageSize).build().toUriString();
                headers.set(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            }
            return ResponseEntity.ok().headers(headers).body(found.items().stream().map(c -> CallbackView.of(c, user)).toList());
        });
    }

    @GetMapping("/{id}")
    Mono<CallbackView> get(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return callbacks.find(mallId, id).map(c -> CallbackView.of(c, user));
    }

    /** A try to reach the customer (repeated safely with {@code Idempotency-Key}). */
    @PostMapping("/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<CallbackView> attempt(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody RecordAttempt body,
                               PlatformUser user, @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "callback-attempts-" + id, key, body, CallbackView.class,
                () -> callbacks.attempt(mallId, id, body, user).map(c -> CallbackView.of(c, user)));
    }

    @PostMapping("/{id}/result")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<CallbackView> record(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody CallbackResult body,
                              PlatformUser user) {
        return callbacks.record(mallId, id, body, user).map(c -> CallbackView.of(c, user));
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw invalid(field);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(field);
        }
    }

    private static ApiException invalid(String field) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-field",
                Map.of("errors", List.of(Map.of("field", field, "code", "invalid-value"))), field);
    }
}

package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.SortFields;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
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

    /** What the queue can be sorted by: when a callback is due (soonest first by default), or when it was created. */
    private static final SortFields SORTS = SortFields.by("dueAt", "createdAt").byDefault("dueAt");

    private final Callbacks callbacks;
    private final CallbackQueue queue;
    private final IdempotentRequests idempotency;

    CallbackController(Callbacks callbacks, CallbackQueue queue, IdempotentRequests idempotency) {
        this.callbacks = callbacks;
        this.queue = queue;
        this.idempotency = idempotency;
    }

    /**
     * The queue, soonest due first: {@code ?status=DUE,OVERDUE&kind=REPAIR&page=0&size=50&sort=dueAt}. The body is a
     * page {@code {items, page, size, total}} (the platform's paging convention); {@code X-Total-Count} and
     * {@code Link: <…>; rel="next"} say the same for clients that read headers.
     */
    @GetMapping
    Mono<ResponseEntity<PageView<CallbackView>>> list(@PathVariable String mallId,
                                                      @RequestParam(required = false) List<String> status,
                                                      @RequestParam(required = false) String kind,
                                                      @RequestParam(defaultValue = "0") String page,
                                                      @RequestParam(defaultValue = "50") String size,
                                                      @RequestParam(required = false) String sort,
                                                      PlatformUser user, ServerHttpRequest request) {
        List<CallbackStatus> statuses = new ArrayList<>();
        for (String s : status == null ? List.<String>of() : status) {
            statuses.add(parse("status", s, CallbackStatus.class));
        }
        CallbackKind callbackKind = kind == null || kind.isBlank() ? null : parse("kind", kind, CallbackKind.class);
        ListQuery list = ListQuery.of(page, size, sort, SORTS);
        return queue.page(mallId, statuses, callbackKind, list).map(found -> {
            HttpHeaders headers = new HttpHeaders();
            headers.set("X-Total-Count", Long.toString(found.total()));
            if (list.hasNext(found.total())) {
                String next = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam("page", list.page() + 1)
                        .replaceQueryParam("size", list.size()).build().toUriString();
                headers.set(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            }
            return ResponseEntity.ok().headers(headers)
                    .body(list.page(found.items().stream().map(c -> CallbackView.of(c, user)).toList(), found.total()));
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

    private static ApiException invalid(String field) {
        return new FieldErrors().add(field, "invalid-value").problem(HttpStatus.BAD_REQUEST, "invalid-field");
    }
}

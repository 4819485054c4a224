package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.QueryParameters;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.http.HttpStatus;
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
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}")
class RequestController {

    private final RequestRegistration registration;
    private final RequestActions actions;
    private final AggregateStore<ServiceRequest> store;
    private final RequestSearch search;
    private final RequestViews views;
    private final IdempotentRequests idempotency;

    RequestController(RequestRegistration registration, RequestActions actions, AggregateStore<ServiceRequest> store,
                      RequestSearch search, RequestViews views, IdempotentRequests idempotency) {
        this.registration = registration;
        this.actions = actions;
        this.store = store;
        this.search = search;
        this.views = views;
        this.idempotency = idempotency;
    }

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<RequestView> register(@PathVariable String mallId, @Valid @RequestBody RegisterRequest body, PlatformUser user,
                               @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "requests", key, body, RequestView.class,
                () -> registration.register(mallId, body, user).flatMap(r -> views.of(r, user)));
    }

    /** A channel adapter's entry point for WeChat, QQ, online-platform and email messages (seed 001 §二.3). */
    @PostMapping("/channels/{channel}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'PLATFORM_ADMIN')")
    Mono<RequestView> receive(@PathVariable String mallId, @PathVariable Channel channel,
                              @Valid @RequestBody OnlineMessage body, PlatformUser user,
                              @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "messages-" + channel, key, body, RequestView.class,
                () -> registration.receive(mallId, channel, body).flatMap(r -> views.of(r, user)));
    }

    @GetMapping("/requests/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<RequestView> get(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return store.find(mallId, id).flatMap(r -> views.of(r, user));
    }

    @GetMapping("/requests")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PageView<RequestView>> list(@PathVariable String mallId, PlatformUser user,
                                     @RequestParam(required = false) RequestStatus status,
                                     @RequestParam(required = false) RequestKind kind,
                                     @RequestParam(required = false) Channel channel,
                                     @RequestParam(required = false) String department,
                                     @RequestParam(required = false) Instant from,
                                     @RequestParam(required = false) Instant to,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "0") String page,
                                     @RequestParam(defaultValue = "20") String size,
                                     @RequestParam(required = false) String sort) {
        FieldErrors errors = new FieldErrors();
        // Absent means the default; present but empty is a mistake like any other value that is not listed.
        ListQuery list = ListQuery.of(page, size, sort, RequestSearch.SORTS, errors);
        QueryParameters.text(errors, "department", department, 40);
        QueryParameters.text(errors, "q", q, 200);
        QueryParameters.time(errors, "from", from);
        QueryParameters.time(errors, "to", to);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add("to", "before-from");
        }
        errors.throwIfAny();
        var filter = new RequestSearch.Filter(status, kind, channel, department, from, to, q);
        return search.find(mallId, filter, list)
                .flatMap(found -> views.of(found.items(), user).map(items -> list.page(items, found.total())));
    }

    @PostMapping("/requests/{id}/accept")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<RequestView> accept(@PathVariable String mallId, @PathVariable String id, PlatformUser user,
                             @Valid @RequestBody(required = false) AcceptMessage body) {
        return actions.accept(mallId, id, body, user).flatMap(r -> views.of(r, user));
    }

    /** The reply to a consultation not answered on the spot, within the mall's working days (seed 003). */
    @PostMapping("/requests/{id}/answer")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<RequestView> answer(@PathVariable String mallId, @PathVariable String id, PlatformUser user,
                             @Valid @RequestBody FollowUpBodies.Answer body) {
        return actions.answer(mallId, id, body.answer(), user).flatMap(r -> views.of(r, user));
    }

    /** The supervisor records whether a consultation's answer was correct (seed 003 §監控指標). */
    @PostMapping("/requests/{id}/answer-review")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<RequestView> reviewAnswer(@PathVariable String mallId, @PathVariable String id, PlatformUser user,
                                   @Valid @RequestBody FollowUpBodies.AnswerReview body) {
        return actions.reviewAnswer(mallId, id, body, user).flatMap(r -> views.of(r, user));
    }

    /** A suggestion adopted or not, with a note, within the mall's working days (seed 003 §3). */
    @PostMapping("/requests/{id}/evaluation")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<RequestView> evaluate(@PathVariable String mallId, @PathVariable String id, PlatformUser user,
                               @Valid @RequestBody FollowUpBodies.Evaluation body) {
        return actions.evaluate(mallId, id, body, user).flatMap(r -> views.of(r, user));
    }

    @PostMapping("/requests/{id}/cancel")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<RequestView> cancel(@PathVariable String mallId, @PathVariable String id, PlatformUser user,
                             @Valid @RequestBody CancelRequest body) {
        return actions.cancel(mallId, id, body.reason(), user).flatMap(r -> views.of(r, user));
    }

    @PostMapping("/requests/{id}/merge")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<RequestView> merge(@PathVariable String mallId, @PathVariable String id, PlatformUser user,
                            @Valid @RequestBody MergeRequest body) {
        return actions.merge(mallId, id, body.parentId(), user).flatMap(r -> views.of(r, user));
    }
}

package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.SortFields;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Claim files: register, read, record the facts, work through the checklist and move through the stages. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/claims")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class ClaimController {

    /** Newest first unless asked otherwise. The list documented 20 a page before the convention and keeps that size. */
    private static final SortFields SORTS = SortFields.by("openedAt", "occurredAt").byDefault("openedAt,desc");

    private final Claims claims;
    private final ReactiveMongoTemplate mongo;
    private final IdempotentRequests idempotency;

    ClaimController(Claims claims, ReactiveMongoTemplate mongo, IdempotentRequests idempotency) {
        this.claims = claims;
        this.mongo = mongo;
        this.idempotency = idempotency;
    }

    /**
     * A page of the mall's claims, newest first ({@code sort=openedAt,desc}) or by a listed field, default 20 a page: a
     * paged query on the mall's claims (index mall_opened). Lines hold no personal data.
     */
    @GetMapping
    Mono<PageView<ClaimSummary>> list(@PathVariable String mallId, @RequestParam(required = false) ClaimStage stage,
                                      @RequestParam(defaultValue = "0") String page,
                                      @RequestParam(defaultValue = "20") String size,
                                      @RequestParam(required = false) String sort) {
        ListQuery list = ListQuery.of(page, size, sort, SORTS);
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (stage != null) {
            criteria = criteria.and("stage").is(stage);
        }
        Query query = Query.query(criteria);
        Mono<Long> total = mongo.count(query, Claim.class);
        Mono<List<ClaimSummary>> items = mongo.find(Query.of(query).with(list.sort()).skip(list.offset())
                .limit(list.size()), Claim.class).map(ClaimSummary::of).collectList();
        return Mono.zip(items, total).map(found -> list.page(found.getT1(), found.getT2()));
    }

    /** The claim's whole timeline, oldest first, a page at a time (the claim itself shows its latest steps). */
    @GetMapping("/{id}/timeline")
    Mono<PageView<Step>> timeline(@PathVariable String mallId, @PathVariable String id,
                                  @RequestParam(defaultValue = "0") String page,
                                  @RequestParam(defaultValue = "50") String size) {
        ListQuery list = ListQuery.of(page, size);
        return claims.find(mallId, id).map(claim -> list.slice(claim.getTimeline()));
    }

    /** An incident registered directly, without a request at the front desk. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ClaimView> register(@PathVariable String mallId, @Valid @RequestBody IncidentFacts body, PlatformUser user,
                             @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        if (!body.hasPlace()) {
            return Mono.error(placeRequired());
        }
        return idempotency.execute(mallId, "claims", key, body, ClaimView.class,
                () -> claims.register(mallId, body, user).map(c -> ClaimView.of(c, user)));
    }

    @GetMapping("/{id}")
    Mono<ClaimView> get(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return claims.find(mallId, id).map(c -> ClaimView.of(c, user));
    }

    @PutMapping("/{id}/facts")
    Mono<ClaimView> facts(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody IncidentFacts body,
                          PlatformUser user) {
        if (!body.hasPlace()) {
            return Mono.error(placeRequired());
        }
        return claims.updateFacts(mallId, id, body, user).map(c -> ClaimView.of(c, user));
    }

    @PutMapping("/{id}/handler")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<ClaimView> handler(@PathVariable String mallId, @PathVariable String id,
                            @Valid @RequestBody ClaimCommands.AssignHandler body, PlatformUser user) {
        return claims.assignHandler(mallId, id, body.handlerId(), body.handlerName(), user).map(c -> ClaimView.of(c, user));
    }

    @PostMapping("/{id}/checklist/{item}")
    Mono<ClaimView> check(@PathVariable String mallId, @PathVariable String id, @PathVariable ChecklistItem item,
                          @Valid @RequestBody ClaimCommands.Check body, PlatformUser user) {
        return claims.check(mallId, id, item, body.status(), body.doneAt(), body.note(), user)
                .map(c -> ClaimView.of(c, user));
    }

    /** Moves to the next stage or archives; an illegal move answers 409 with the stages allowed. */
    @PostMapping("/{id}/stage")
    Mono<ClaimView> stage(@PathVariable String mallId, @PathVariable String id,
                          @Valid @RequestBody ClaimCommands.MoveStage body, PlatformUser user) {
        return claims.move(mallId, id, body.stage(), body.outcome(), body.settledAmountCny(), body.note(), user)
                .map(c -> ClaimView.of(c, user));
    }

    @PostMapping("/{id}/linked-requests")
    Mono<ClaimView> link(@PathVariable String mallId, @PathVariable String id,
                         @Valid @RequestBody ClaimCommands.LinkRequest body, PlatformUser user) {
        var request = new PlaceLog.Request(body.requestId(), body.number(), body.kind(), body.description(),
                body.receivedAt());
        return claims.linkRequest(mallId, id, request, body.note(), user).map(c -> ClaimView.of(c, user));
    }

    private static ApiException placeRequired() {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation-failed",
                Map.of("errors", List.of(Map.of("field", "location.floor", "code", "place-required"))), 1);
    }
}

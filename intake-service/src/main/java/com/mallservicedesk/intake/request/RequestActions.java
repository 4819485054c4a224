package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.settings.MallSettings;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.AggregateStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What the front desk does with a request after registering it: accept, cancel, merge. */
@Service
class RequestActions {

    private final AggregateStore<ServiceRequest> store;
    private final MallSettings settings;
    private final IntakeMetrics metrics;
    private final Clock clock;

    RequestActions(AggregateStore<ServiceRequest> store, MallSettings settings, IntakeMetrics metrics, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    Mono<ServiceRequest> accept(String mallId, String id, AcceptMessage corrections, PlatformUser user) {
        return store.find(mallId, id)
                .doOnNext(request -> {
                    if (corrections != null && Boolean.TRUE.equals(corrections.answeredOnSpot())) {
                        var kind = corrections.kind() != null ? corrections.kind() : request.getKind();
                        RequestRegistration.checkAnsweredOnSpot(kind, corrections.answer(), "answeredOnSpot", "answer");
                    }
                })
                .then(settings.of(mallId))
                .flatMap(mall -> store.change(mallId, id, request -> request.accept(corrections,
                        new Owner(user.id(), user.name()), FollowUpLimits.of(mall), clock.instant())))
                .doOnSuccess(accepted -> metrics.accepted(mallId, accepted.getChannel(),
                        Duration.between(accepted.getReceivedAt(), accepted.getAcceptedAt())));
    }

    /** The reply to a consultation not answered on the spot (seed 003). */
    Mono<ServiceRequest> answer(String mallId, String id, String answer, PlatformUser user) {
        return store.change(mallId, id, request -> request.answer(answer, user.id(), clock.instant()));
    }

    /** The supervisor's check of a consultation's answer (seed 003 §監控指標, contract C6). */
    Mono<ServiceRequest> reviewAnswer(String mallId, String id, FollowUpBodies.AnswerReview body, PlatformUser user) {
        return store.change(mallId, id, request -> request.reviewAnswer(body.correct(), body.note(), user.id(),
                clock.instant()));
    }

    /** A suggestion's evaluation (seed 003 §3). */
    Mono<ServiceRequest> evaluate(String mallId, String id, FollowUpBodies.Evaluation body, PlatformUser user) {
        return store.change(mallId, id, request -> request.evaluate(body.adopted(), body.note(), user.id(),
                clock.instant()));
    }

    Mono<ServiceRequest> cancel(String mallId, String id, String reason, PlatformUser user) {
        return store.change(mallId, id, request -> request.cancel(reason, user.id(), clock.instant()));
    }

    /**
     * Merges a duplicate into its parent. Without transactions this is two writes: the parent takes the
     * reporter first (idempotent per duplicate), then the duplicate is marked merged; a retry after a crash
     * between them completes the merge without a second reporter.
     */
    Mono<ServiceRequest> merge(String mallId, String id, String parentId, PlatformUser user) {
        if (id.equals(parentId)) {
            return Mono.error(new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "request-merge-into-itself", id));
        }
        return store.find(mallId, id).flatMap(duplicate -> {
            if (duplicate.getStatus().isFinal()) {
                return Mono.error(ApiException.conflict("request-illegal-transition", duplicate.getNumber(),
                        duplicate.getStatus(), "merge"));
            }
            return store.change(mallId, parentId, parent -> {
                        if (duplicate.getId().equals(parent.getMergedInto())) {
                            throw ApiException.conflict("request-merge-not-allowed", duplicate.getNumber(), parent.getNumber());
                        }
                        parent.absorb(duplicate, user.id(), clock.instant());
                        return java.util.List.of();
                    })
                    .flatMap(parent -> store.change(mallId, id, fresh -> fresh.mergeInto(parent, user.id(), clock.instant())));
        });
    }
}

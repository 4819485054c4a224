package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.settings.MallSettings;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.TimeOrderedIds;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Registers contacts: numbers them, flags possible duplicates, stores each with its events in one write. */
@Service
class RequestRegistration {

    private final AggregateStore<ServiceRequest> store;
    private final RequestNumbers numbers;
    private final Duplicates duplicates;
    private final MallSettings settings;
    private final IntakeMetrics metrics;
    private final Clock clock;

    RequestRegistration(AggregateStore<ServiceRequest> store, RequestNumbers numbers, Duplicates duplicates,
                        MallSettings settings, IntakeMetrics metrics, Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.duplicates = duplicates;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    Mono<ServiceRequest> register(String mallId, RegisterRequest command, PlatformUser user) {
        ContactRule.check(command);
        if (Boolean.TRUE.equals(command.answeredOnSpot())) {
            checkAnsweredOnSpot(command.kind(), command.answer(), "answeredOnSpot", "answer");
        }
        var now = clock.instant();
        var receivedAt = command.receivedAt() == null ? now : command.receivedAt();
        String id = TimeOrderedIds.next();
        return settings.of(mallId).flatMap(mall -> numbers.next(mallId, now, mall.timeZone())
                .zipWith(duplicates.firstReportLike(id, mallId, command.kind(), command.location(), receivedAt,
                        mall.duplicateWindow()).map(Optional::of).defaultIfEmpty(Optional.<String>empty()))
                .flatMap(numbered -> {
                    String duplicateOf = numbered.getT2().orElse(null);
                    return store.create(ServiceRequest.registerAtCounter(id, mallId, numbered.getT1(), command,
                            new Owner(user.id(), user.name()), duplicateOf, FollowUpLimits.of(mall), now));
                }))
                .doOnSuccess(saved -> metrics.requestReceived(mallId, saved.getChannel(), saved.getKind()));
    }

    /** An online message: stored as waiting for acceptance, with a durable timer on the acceptance limit (in the same write). */
    Mono<ServiceRequest> receive(String mallId, Channel channel, OnlineMessage message) {
        if (!ServiceRequest.ONLINE_CHANNELS.contains(channel)) {
            return Mono.error(com.mallservicedesk.platform.problem.ApiException.badRequest("channel-not-online", channel));
        }
        var now = clock.instant();
        var receivedAt = message.receivedAt() == null ? now : message.receivedAt();
        var kind = message.kind() == null ? RequestKind.CONSULTATION : message.kind();
        String id = TimeOrderedIds.next();
        return settings.of(mallId).flatMap(mall -> numbers.next(mallId, now, mall.timeZone())
                .zipWith(duplicates.firstReportLike(id, mallId, kind, message.location(), receivedAt, mall.duplicateWindow())
                        .map(Optional::of).defaultIfEmpty(Optional.<String>empty()))
                .flatMap(numbered -> {
                    String duplicateOf = numbered.getT2().orElse(null);
                    return store.create(ServiceRequest.receiveOnline(id, mallId, numbered.getT1(), channel, message,
                            mall.acceptanceLimit(), mall.deskHours(), duplicateOf, now));
                }))
                .doOnSuccess(saved -> metrics.requestReceived(mallId, saved.getChannel(), saved.getKind()));
    }

    /** Only a consultation can be answered on the spot, and the answer is part of the log (seed 000 §4.3). */
    static void checkAnsweredOnSpot(RequestKind kind, String answer, String flagField, String answerField) {
        var invalid = new FieldErrors();
        if (kind != RequestKind.CONSULTATION) {
            invalid.add(flagField, "only-consultations");
        }
        if (answer == null || answer.isBlank()) {
            invalid.add(answerField, "NotBlank");
        }
        invalid.throwIfAny();
    }
}

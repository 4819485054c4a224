package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.intake.complaint.ComplaintData.CompletedWorkOrder;
import com.mallservicedesk.intake.complaint.ComplaintData.EndedRequest;
import com.mallservicedesk.intake.complaint.ComplaintData.RegisteredRequest;
import com.mallservicedesk.intake.complaint.ComplaintEvents.Concluded;
import com.mallservicedesk.intake.complaint.ComplaintRegister.Limits;
import com.mallservicedesk.intake.settings.IntakeSettings;
import com.mallservicedesk.intake.settings.MallSettings;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.events.PoisonEventException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.web.InMemoryOrder;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Opens, moves and lists complaint registers; every change goes through the kit's aggregate store. */
@Service
@EnableConfigurationProperties(ComplaintProperties.class)
class ComplaintRegisters {

    static final String COMPLAINT = "COMPLAINT";
    /** The open list's order, as the store sorted the stored fields. */
    private static final Comparator<ComplaintRegister> OLDEST_FIRST = InMemoryOrder.byTime(ComplaintRegister::getReceivedAt)
            .thenComparing(InMemoryOrder.byText(ComplaintRegister::getId));

    private final AggregateStore<ComplaintRegister> store;
    private final ReactiveMongoTemplate mongo;
    private final MallSettings settings;
    private final ComplaintMetrics metrics;
    private final ComplaintProperties properties;
    private final Clock clock;

    ComplaintRegisters(AggregateStores stores, ReactiveMongoTemplate mongo, MallSettings settings,
                       ComplaintMetrics metrics, ComplaintProperties properties, Clock clock) {
        this.store = stores.of(ComplaintRegister.class, "complaint").beforeSave(r -> Mono.just(r.keepPlaceInOpenSet()));
        this.mongo = mongo;
        this.settings = settings;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** Every registered complaint gets its register once (keyed by the request id); other kinds none. */
    Mono<?> onRegistered(IncomingEvent event, RegisteredRequest request) {
        if (!COMPLAINT.equals(request.kind()) || !properties.opensRegisterFor(request.receivedAt())) {
            return Mono.empty();
        }
        if (request.requestId() == null) {
            return Mono.error(new PoisonEventException(event.type() + " " + event.id() + " names no requestId"));
        }
        return settings.of(event.mallId())
                .flatMap(mall -> store.create(ComplaintRegister.open(request.requestId(), event.mallId(),
                        request.number(), request.receivedAt(), limits(mall), clock.instant())))
                .doOnNext(opened -> metrics.opened(opened.getMallId()));
    }

    Mono<?> onCancelled(IncomingEvent event, EndedRequest request) {
        return withdraw(event, request, "CANCELLED");
    }

    Mono<?> onMerged(IncomingEvent event, EndedRequest request) {
        return withdraw(event, request, "MERGED");
    }

    private Mono<?> withdraw(IncomingEvent event, EndedRequest request, String because) {
        if (request.requestId() == null) {
            return Mono.empty();
        }
        return store.changeIfPresent(event.mallId(), request.requestId(), r -> r.withdraw(because, clock.instant()));
    }

    /** The department returned the complaint's work order as done: its summary is the investigation (seed 003 §2). */
    Mono<?> onWorkOrderCompleted(IncomingEvent event, CompletedWorkOrder order) {
        if (order.requestId() == null) {
            return Mono.empty();
        }
        var at = order.completedAt() != null ? order.completedAt()
                : order.occurredAt() != null ? order.occurredAt() : event.time();
        return store.changeIfPresent(event.mallId(), order.requestId(),
                r -> r.investigationFromWorkOrder(order.department(), order.summary(), at));
    }

    Mono<ComplaintRegister> find(String mallId, String requestId) {
        return store.find(mallId, requestId);
    }

    Mono<ComplaintRegister> handOver(String mallId, String requestId, String note, PlatformUser user) {
        return settings.of(mallId).flatMap(mall -> store.change(mallId, requestId,
                r -> r.handOver(user.id(), note, limits(mall), clock.instant())));
    }

    Mono<ComplaintRegister> recordInvestigation(String mallId, String requestId, ComplaintBodies.Investigation body,
                                                PlatformUser user) {
        return store.change(mallId, requestId,
                r -> r.recordInvestigation(user.id(), body.findings(), body.department(), clock.instant()));
    }

    Mono<ComplaintRegister> review(String mallId, String requestId, String note, PlatformUser user) {
        return store.change(mallId, requestId, r -> r.review(user.id(), note, clock.instant()));
    }

    Mono<ComplaintRegister> recordFeedback(String mallId, String requestId, ComplaintBodies.Feedback body,
                                           PlatformUser user) {
        return store.change(mallId, requestId,
                r -> r.recordFeedback(user.id(), body.note(), body.customerSatisfied(), clock.instant()));
    }

    Mono<ComplaintRegister> conclude(String mallId, String requestId, String conclusion, PlatformUser user) {
        boolean[] onTime = {false};
        Function<ComplaintRegister, List<DomainEvent>> change = r -> {
            var events = r.conclude(user.id(), conclusion, clock.instant());
            onTime[0] = events.stream().anyMatch(e -> e instanceof Concluded c && c.onTime());
            return events;
        };
        return store.change(mallId, requestId, change).doOnNext(r -> metrics.concluded(mallId, onTime[0]));
    }

    /**
     * The open registers of a mall, oldest complaint first: what the supervisor still has to follow. Read as the
     * mall's set of open registers ({@value ComplaintRegister#OPEN_KEY}, one range of its index), so it costs what the
     * mall has open, however many complaints were concluded.
     */
    Mono<PageView<ComplaintRegister>> open(String mallId, ListQuery list) {
        return mongo.find(WorkingSetKey.ofMall(ComplaintRegister.OPEN_KEY, mallId), ComplaintRegister.class)
                .filter(r -> mallId.equals(r.getMallId()) && r.isOpen())
                .collectSortedList(OLDEST_FIRST)
                .map(list::slice);
    }

    static Limits limits(IntakeSettings mall) {
        return new Limits(mall.deskHours(), mall.complaintHandoverLimit(), mall.complaintInvestigationDays(),
                mall.complaintFeedbackDays());
    }
}

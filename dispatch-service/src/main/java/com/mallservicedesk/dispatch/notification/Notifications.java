package com.mallservicedesk.dispatch.notification;

import com.mallservicedesk.dispatch.mall.Malls;
import com.mallservicedesk.dispatch.notification.NotificationEvents.Reason;
import com.mallservicedesk.dispatch.notification.NotificationEvents.SubjectType;
import com.mallservicedesk.dispatch.routing.Router;
import com.mallservicedesk.dispatch.routing.RoutingFacts;
import com.mallservicedesk.dispatch.workorder.Callers;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.web.InMemoryOrder;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells departments of complaints, major incidents and outage notices (contract C4): one notification per department,
 * due one working day later in the mall's desk hours (seed 004 信息治理), acknowledged by the department.
 */
@Service
class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    /** Department codes as the department API accepts them; anything else in an event is not a department. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    /** At most this many departments are told of one subject: a producer's runaway list cannot flood the store. */
    static final int MOST_DEPARTMENTS = 50;
    /** The list's order among unacknowledged notifications, as the store sorts the stored fields. */
    static final Comparator<Notification> BY_DUE_TIME = InMemoryOrder.byTime(Notification::getDueAt)
            .thenComparing(InMemoryOrder.byText(Notification::getId));

    private final AggregateStore<Notification> notifications;
    private final ReactiveMongoTemplate mongo;
    private final Malls malls;
    private final Router router;
    private final Clock clock;
    private final MeterRegistry meters;

    Notifications(AggregateStores stores, ReactiveMongoTemplate mongo, Malls malls, Router router, Clock clock,
                  MeterRegistry meters) {
        this.notifications = stores.of(Notification.class, "notification")
                .beforeSave(n -> Mono.just(n.keepPlaceInOpenSet()));
        this.mongo = mongo;
        this.malls = malls;
        this.router = router;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * A registered complaint or major incident: the department the request is routed to and its related departments
     * are told. A request that is neither tells nobody.
     */
    Mono<Void> forRegistered(IncomingEvent event, RegisteredForNotification request) {
        if (!request.complaint() && !request.isMajor()) {
            return Mono.empty();
        }
        Reason reason = request.complaint() ? Reason.COMPLAINT : Reason.MAJOR_INCIDENT;
        RoutingFacts facts = new RoutingFacts(request.kind(), request.category(), request.channel(),
                request.location() == null ? null : request.location().floor(),
                request.location() == null ? null : request.location().zone());
        String summary = "[" + request.number() + "] " + (request.description() == null ? "" : request.description());
        return router.route(event.mallId(), facts).flatMap(routed -> {
            Set<String> departments = new LinkedHashSet<>();
            routed.ifPresent(departments::add);
            if (request.relatedDepartments() != null) {
                departments.addAll(request.relatedDepartments());
            }
            return send(event.mallId(), SubjectType.REQUEST, request.requestId(), request.number(), departments, reason,
                    summary);
        });
    }

    /** An outage notice: each department it names is told (seed 000 §4.10). */
    Mono<Void> forNotice(IncomingEvent event, NoticePublished notice) {
        if (notice.departments() == null || notice.departments().isEmpty()) {
            return Mono.empty();
        }
        String summary = (notice.kind() == null ? "" : notice.kind() + " ")
                + (notice.startsAt() == null ? "" : notice.startsAt() + (notice.endsAt() == null ? "" : "–" + notice.endsAt()) + " ")
                + (notice.message() == null ? "" : notice.message());
        return send(event.mallId(), SubjectType.NOTICE, notice.noticeId(), null, new LinkedHashSet<>(notice.departments()),
                Reason.OUTAGE_NOTICE, summary);
    }

    private Mono<Void> send(String mallId, SubjectType type, String subjectId, String requestNumber, Set<String> departments,
                            Reason reason, String summary) {
        List<String> valid = departments.stream().filter(d -> d != null && CODE.matcher(d).matches())
                .limit(MOST_DEPARTMENTS).toList();
        if (valid.size() < departments.size()) {
            log.warn("{} {} of mall {} names departments that are not department codes, or too many: told {} of {}", type,
                    subjectId, mallId, valid.size(), departments.size());
        }
        if (subjectId == null || valid.isEmpty()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return malls.of(mallId).flatMap(mall -> {
            // "Within one working day" (seed 004 信息治理): the close of the next working day of the mall's desk hours.
            Instant due = mall.deskHours().addWorkingDays(now, 1);
            return Flux.fromIterable(valid)
                    .concatMap(department -> notifications.create(Notification.send(mallId, type, subjectId, requestNumber,
                            department, reason, summary, due, now)))
                    .then();
        });
    }

    /** The timer fired: the notification is overdue unless acknowledged meanwhile; counted once per notification. */
    Mono<Void> overdue(String mallId, String id) {
        var caused = new Object() {
            List<DomainEvent> events = List.of();
        };
        return notifications.changeIfPresent(mallId, id, n -> {
                    caused.events = n.markOverdue(clock.instant());
                    return caused.events;
                })
                .doOnNext(n -> {
                    if (!caused.events.isEmpty()) {
                        Counter.builder("msd.dispatch.notifications.overdue")
                                .description("Department notifications not acknowledged within one working day")
                                .tags("mall", mallId, "department", n.getDepartment(), "reason", n.getReason().name())
                                .register(meters).increment();
                    }
                })
                .then();
    }

    /**
     * Staff of the notified department or a supervisor acknowledge it. Another department's notification is a 404 for
     * department staff: they learn nothing of what other departments are told.
     */
    Mono<Notification> acknowledge(String mallId, String id, PlatformUser user) {
        Function<Notification, List<DomainEvent>> ack = n -> n.acknowledge(user.id(), clock.instant());
        if (Callers.supervises(user)) {
            return notifications.change(mallId, id, ack);
        }
        String department = Callers.staffDepartment(user);
        return notifications.find(mallId, id).flatMap(found -> department.equals(found.getDepartment())
                ? notifications.change(mallId, id, ack)
                : Mono.error(ApiException.notFound("notification", id)));
    }

    Mono<Notification> find(String mallId, String id, PlatformUser user) {
        return notifications.find(mallId, id).flatMap(found -> Callers.supervises(user)
                || found.getDepartment().equals(Callers.staffDepartment(user)) ? Mono.just(found)
                : Mono.error(ApiException.notFound("notification", id)));
    }

    /**
     * A department's notifications, unacknowledged first, then by due time (oldest first), then by id.
     *
     * @param acknowledged null: all of them; false: the unacknowledged ones only, which the department console reloads
     *                     on each notification event. Those are read as the mall's set of them ({@value
     *                     Notification#OPEN_KEY}, one range of its index) and picked, ordered and paged here, so they
     *                     cost what the mall has unacknowledged: the embedded MongoDB-wire server answers from an index
     *                     only by {@code _id} or a unique key, and would read every notification of every mall for
     *                     the query below.
     */
    Mono<PageView<Notification>> list(String mallId, String department, Boolean acknowledged, ListQuery query) {
        if (Boolean.FALSE.equals(acknowledged)) {
            return mongo.find(WorkingSetKey.ofMall(Notification.OPEN_KEY, mallId), Notification.class)
                    .filter(n -> mallId.equals(n.getMallId()) && department.equals(n.getDepartment())
                            && !n.isAcknowledged())
                    .collectSortedList(BY_DUE_TIME)
                    .map(query::slice);
        }
        Criteria criteria = Criteria.where("mallId").is(mallId).and("department").is(department);
        if (acknowledged != null) {
            criteria = criteria.and("acknowledged").is(acknowledged);
        }
        Query page = Query.query(criteria)
                .with(Sort.by(Sort.Order.asc("acknowledged"), Sort.Order.asc("dueAt"), Sort.Order.asc("_id")))
                .skip(query.offset()).limit(query.size());
        return Mono.zip(mongo.find(page, Notification.class).collectList(),
                        mongo.count(Query.query(criteria), Notification.class))
                .map(both -> query.page(both.getT1(), both.getT2()));
    }
}

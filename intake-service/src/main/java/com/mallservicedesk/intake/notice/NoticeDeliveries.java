package com.mallservicedesk.intake.notice;

import com.mallservicedesk.intake.gateway.GatewayUrlPolicy;
import com.mallservicedesk.intake.settings.MallSettings;
import com.mallservicedesk.intake.tenant.TenantDirectory;
import com.mallservicedesk.platform.polling.PollingLoop;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.platform.store.TimeKeys;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers notices to stores through the message gateway until each one is sent: a failed delivery stays
 * FAILED with its error and is tried again every retry interval, by whichever instance claims it first.
 * A periodic sweep also finishes notices whose deliveries were not all created (the service stopped midway).
 *
 * <p>The sweep reads only the work outstanding, however many notices the malls have sent: the deliveries still to
 * send (each has an entry in {@code notice_open_deliveries}, keyed by the delivery id, written before the delivery
 * itself and removed once it is sent or acknowledged), the notices whose deliveries are not all made (by their key
 * {@code deliveriesDue}) and the moves of counts a kill left in deliveries ({@link DeliveryCounts#recover}).
 */
@Component
class NoticeDeliveries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeDeliveries.class);
    static final List<DeliveryState> OPEN = List.of(DeliveryState.PENDING, DeliveryState.FAILED);
    private static final Comparator<Delivery> BY_STORE_NAME = Comparator.comparing(Delivery::tenantName,
            Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparing(Delivery::id);
    static final String OPEN_DELIVERIES = "notice_open_deliveries";
    private static final int SWEEP_BATCH = 100;

    private final ReactiveMongoTemplate mongo;
    private final TenantDirectory tenants;
    private final MallSettings settings;
    private final MessageGateway gateway;
    private final GatewayUrlPolicy gatewayRules;
    private final DeliveryCounts counts;
    private final NoticeMetrics metrics;
    private final Clock clock;
    private final Duration retryInterval;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();
    private final PollingLoop loop;

    NoticeDeliveries(ReactiveMongoTemplate mongo, TenantDirectory tenants, MallSettings settings, MessageGateway gateway,
                     GatewayUrlPolicy gatewayRules, DeliveryCounts counts, NoticeMetrics metrics, Clock clock,
                     @Value("${intake.notices.retry-interval:PT30S}") Duration retryInterval,
                     @Value("${intake.notices.lease:PT2M}") Duration lease) {
        this.mongo = mongo;
        this.tenants = tenants;
        this.settings = settings;
        this.gateway = gateway;
        this.gatewayRules = gatewayRules;
        this.counts = counts;
        this.metrics = metrics;
        this.clock = clock;
        this.retryInterval = retryInterval;
        // Sweep twice per retry interval, so a failed delivery waits at most one and a half intervals.
        Duration sweepEvery = retryInterval.dividedBy(2).isZero() ? retryInterval : retryInterval.dividedBy(2);
        this.loop = new PollingLoop("Notice delivery sweep", sweepEvery, Flux.empty(), this::sweep);
        this.lease = lease;
    }

    /** Creates the missing deliveries of a notice (idempotent) and marks the notice complete. */
    Mono<Void> createFor(Notice notice) {
        Instant now = clock.instant();
        return counts.start(notice).thenMany(Flux.fromIterable(notice.getRecipients()))
                .concatMap(r -> {
                    String id = Delivery.idOf(notice.getId(), r.tenantId());
                    // The open entry first: a crash between the two leaves an entry the sweep drops, never a delivery nobody sends.
                    return InsertOnce.into(mongo, new Document("_id", id).append("noticeId", notice.getId())
                                    .append("nextAttemptAt", Date.from(now)).append("since", Date.from(now)), OPEN_DELIVERIES)
                            .then(InsertOnce.into(mongo, new Delivery(id, notice.getMallId(), notice.getId(), r.tenantId(),
                                    r.tenantName(), DeliveryState.PENDING, 0, null, null, now, null, null, null, null, null)))
                            .doOnNext(d -> metrics.delivery(notice.getMallId(), DeliveryState.PENDING));
                })
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(notice.getId())),
                        new Update().set("deliveriesCreated", true).unset(Notice.DELIVERIES_DUE), Notice.class))
                .then();
    }

    /** Tries every due delivery of one notice now (right after publishing). */
    Mono<Long> sendDue(String noticeId) {
        return sendDue(Criteria.where("noticeId").is(noticeId));
    }

    /** One sweep: apply the counts' moves a kill left behind, finish interrupted notices, then try every due delivery. */
    Mono<Long> sweep() {
        String now = TimeKeys.of(clock.instant());
        var unfinished = mongo.find(Query.query(Criteria.where(Notice.DELIVERIES_DUE).gte(""))
                        .with(Sort.by(Notice.DELIVERIES_DUE)).limit(SWEEP_BATCH), Notice.class)
                .takeWhile(notice -> notice.getDeliveriesDue().compareTo(now) < 0);
        return counts.recover().thenMany(unfinished).concatMap(this::createFor).then(sendDue(new Criteria()));
    }

    /** Claims and attempts every open delivery in scope whose next attempt is due, oldest first. */
    private Mono<Long> sendDue(Criteria scope) {
        Instant now = clock.instant();
        var due = Query.query(new Criteria().andOperator(scope, Criteria.where("nextAttemptAt").lte(Date.from(now))))
                .with(Sort.by("nextAttemptAt"));
        return mongo.find(due, Document.class, OPEN_DELIVERIES)
                .concatMap(open -> claim(open.getString("_id"), now)
                        .flatMap(delivery -> attempt(delivery).thenReturn(1L))
                        .switchIfEmpty(Mono.defer(() -> dropIfStale(open, now)).thenReturn(0L)))
                .reduce(0L, Long::sum);
    }

    private Mono<Delivery> claim(String id, Instant now) {
        var query = Query.query(Criteria.where("_id").is(id).and("state").in(OPEN).and("nextAttemptAt").lte(now)
                .orOperator(Criteria.where("lockedUntil").is(null), Criteria.where("lockedUntil").lt(now)));
        return mongo.findAndModify(query, new Update().set("lockedUntil", now.plus(lease)).set("lockedBy", instance),
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }

    /** An open entry whose delivery is finished, or was never created (a crash between the two writes), goes. */
    private Mono<Void> dropIfStale(Document open, Instant now) {
        String id = open.getString("_id");
        return mongo.findById(id, Delivery.class)
                .map(delivery -> !OPEN.contains(delivery.state()))
                .defaultIfEmpty(open.getDate("since").toInstant().isBefore(now.minusSeconds(60)))
                .flatMap(stale -> stale ? closeOpenEntry(id) : Mono.empty());
    }

    private Mono<Void> closeOpenEntry(String deliveryId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(deliveryId)), OPEN_DELIVERIES).then();
    }

    private Mono<Void> attempt(Delivery delivery) {
        return Mono.zip(mongo.findById(delivery.noticeId(), Notice.class)
                                .switchIfEmpty(Mono.error(() -> new GatewayRejectedException(DeliveryFailure.FAILED, null))),
                        settings.of(delivery.mallId()))
                .flatMap(found -> {
                    Notice notice = found.getT1();
                    var mall = found.getT2();
                    if (mall.gatewayUrl() == null) {
                        return Mono.error(new GatewayRejectedException(DeliveryFailure.NOT_CONFIGURED, null));
                    }
                    // Checked again before every call: the address may predate the rules, or the allow-list changed.
                    var uri = gatewayRules.uriToCall(mall.gatewayUrl(), mall.gatewayChosenByPlatform()).orElse(null);
                    if (uri == null) {
                        return Mono.error(new GatewayRejectedException(DeliveryFailure.NOT_ALLOWED, null));
                    }
                    return storeOf(delivery).flatMap(store -> gateway.send(delivery.mallId(), uri, new GatewayMessage(
                            delivery.id(), notice.getId(), notice.getMallId(), notice.getKind(), notice.getStartsAt(),
                            notice.getEndsAt(), notice.getMessage(), store,
                            "/api/v1/malls/%s/notices/%s/deliveries/%s/ack".formatted(notice.getMallId(), notice.getId(),
                                    delivery.id()))));
                })
                .then(Mono.defer(() -> finish(delivery, DeliveryState.SENT, null, null)))
                .onErrorResume(error -> finish(delivery, DeliveryState.FAILED, reason(error), statusOf(error)));
    }

    private Mono<GatewayMessage.Store> storeOf(Delivery delivery) {
        return tenants.find(delivery.mallId(), delivery.tenantId())
                .onErrorResume(ApiException.class, gone -> Mono.empty())
                .map(t -> new GatewayMessage.Store(t.getId(), t.getName(), t.getFloor(), t.getZone(), t.getUnit(),
                        t.getContacts()))
                .defaultIfEmpty(new GatewayMessage.Store(delivery.tenantId(), delivery.tenantName(), null, null, null,
                        List.of()));
    }

    private Mono<Void> finish(Delivery delivery, DeliveryState state, String error, Integer httpStatus) {
        Instant now = clock.instant();
        var update = new Update().set("state", state).inc("attempts", 1).set("lastAttemptAt", now)
                .set("lastError", error).set("lastHttpStatus", httpStatus).set("lockedUntil", null);
        if (state == DeliveryState.SENT) {
            update.set("sentAt", now);
        } else {
            update.set("nextAttemptAt", now.plus(retryInterval));
            // Reasons are our codes (DeliveryFailure): never the message, the contacts or the gateway's answer. A gateway that
            // stays down is reported on the first failure and every tenth, not on every retry.
            int attempt = delivery.attempts() + 1;
            if (attempt == 1 || attempt % 10 == 0) {
                log.warn("Notice delivery {} failed (attempt {}), retrying every {}: {}", delivery.id(), attempt,
                        retryInterval, error);
            }
        }
        // Only the claim holder finishes it, from the state it claimed: never over an acknowledgement that came meanwhile.
        var query = Query.query(Criteria.where("_id").is(delivery.id()).and("lockedBy").is(instance)
                .and("state").is(delivery.state()));
        DeliveryCounts.Move move = delivery.state() == state ? null
                : counts.recordIn(update, delivery.id(), delivery.state(), state);
        Mono<Void> openEntry = state == DeliveryState.SENT ? closeOpenEntry(delivery.id())
                : mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())),
                        Update.update("nextAttemptAt", Date.from(now.plus(retryInterval))), OPEN_DELIVERIES).then();
        return mongo.updateFirst(query, update, Delivery.class)
                .filter(written -> written.getMatchedCount() > 0)
                .flatMap(written -> {
                    metrics.delivery(delivery.mallId(), state);
                    Mono<Void> counted = move == null ? Mono.empty() : counts.apply(delivery.noticeId(), delivery.id(), move);
                    return counted.then(openEntry);
                });
    }

    private static String reason(Throwable error) {
        return DeliveryFailure.reasonOf(error);
    }

    private static Integer statusOf(Throwable error) {
        return DeliveryFailure.statusOf(error);
    }

    /** Marks a delivery acknowledged; acknowledging twice is harmless. */
    Mono<Delivery> acknowledge(String mallId, String noticeId, String deliveryId) {
        var query = Query.query(Criteria.where("_id").is(deliveryId).and("mallId").is(mallId).and("noticeId").is(noticeId));
        // Read, then written from the state read: if a send finished in between, read again (the state moves at most
        // a few times).
        return Mono.defer(() -> mongo.findOne(query, Delivery.class)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound("delivery", deliveryId)))
                        .flatMap(found -> found.state() == DeliveryState.ACKNOWLEDGED ? Mono.just(found) : acknowledge(found)))
                .repeatWhenEmpty(10, repeats -> repeats);
    }

    /** Completes empty if the delivery's state is no longer the one read. */
    private Mono<Delivery> acknowledge(Delivery found) {
        var update = new Update().set("state", DeliveryState.ACKNOWLEDGED).set("acknowledgedAt", clock.instant());
        DeliveryCounts.Move move = counts.recordIn(update, found.id(), found.state(), DeliveryState.ACKNOWLEDGED);
        var unchanged = Query.query(Criteria.where("_id").is(found.id()).and("state").is(found.state()));
        return mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true), Delivery.class)
                .flatMap(acknowledged -> counts.apply(found.noticeId(), found.id(), move)
                        .then(closeOpenEntry(found.id()))
                        .doOnSuccess(done -> metrics.delivery(found.mallId(), DeliveryState.ACKNOWLEDGED))
                        .thenReturn(acknowledged));
    }

    /**
     * One notice's deliveries by store name, optionally only those in one state: read as the range of their ids (no
     * more than the notice's recipients) and ordered here.
     */
    Mono<PageView<Delivery>> page(String mallId, String noticeId, DeliveryState state, ListQuery list) {
        return mongo.find(Delivery.ofNotice(noticeId), Delivery.class)
                .filter(delivery -> delivery.mallId().equals(mallId) && (state == null || delivery.state() == state))
                .sort(BY_STORE_NAME)
                .collectList()
                .map(all -> list.page(all.stream().skip(list.offset()).limit(list.size()).toList(), all.size()));
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}

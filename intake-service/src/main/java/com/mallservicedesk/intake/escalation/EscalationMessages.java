package com.mallservicedesk.intake.escalation;

import com.mallservicedesk.intake.gateway.GatewayUrlPolicy;
import com.mallservicedesk.intake.notice.DeliveryFailure;
import com.mallservicedesk.intake.notice.DeliveryState;
import com.mallservicedesk.intake.notice.GatewayRejectedException;
import com.mallservicedesk.intake.notice.MessageGateway;
import com.mallservicedesk.intake.settings.MallSettings;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Messages the people an escalation names (seed 000 §3.1, §4.7: department head → front desk → CS head → property
 * manager) through the mall's message gateway, with the notices' machinery: the same gateway client with the mall's
 * breaker and retry, the same address rules checked before every call, the same delivery states and failure codes.
 * A mall without a gateway gets no messages (nothing is stored, nothing fails): the escalation still shows on the
 * consoles.
 */
@Service
class EscalationMessages {

    private static final Logger log = LoggerFactory.getLogger(EscalationMessages.class);

    private final ReactiveMongoTemplate mongo;
    private final AggregateStore<EscalationMessage> store;
    private final MallSettings settings;
    private final MessageGateway gateway;
    private final GatewayUrlPolicy gatewayRules;
    private final EscalationMetrics metrics;
    private final Clock clock;
    private final Duration retryInterval;

    EscalationMessages(ReactiveMongoTemplate mongo, AggregateStores stores, MallSettings settings, MessageGateway gateway,
                       GatewayUrlPolicy gatewayRules, EscalationMetrics metrics, Clock clock,
                       @Value("${intake.notices.retry-interval:PT30S}") Duration retryInterval) {
        this.mongo = mongo;
        this.store = stores.of(EscalationMessage.class, "escalation-message");
        this.settings = settings;
        this.gateway = gateway;
        this.gatewayRules = gatewayRules;
        this.metrics = metrics;
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /** One message per target with a phone, by deterministic id: a redelivered event creates nothing new. */
    Mono<Void> onEscalated(IncomingEvent event, EscalatedWorkOrder escalation) {
        List<EscalatedWorkOrder.Target> targets = escalation.targets() == null ? List.of() : escalation.targets();
        if (targets.stream().noneMatch(EscalationMessages::reachable)) {
            return Mono.empty();
        }
        return settings.of(event.mallId()).flatMap(mall -> mall.gatewayUrl() == null ? Mono.empty()
                : Flux.range(0, targets.size())
                        .filter(i -> reachable(targets.get(i)))
                        .concatMap(i -> store.create(EscalationMessage.toSend(event.id(), i, event.mallId(), escalation,
                                targets.get(i), clock.instant())))
                        .doOnNext(created -> metrics.message(created.getMallId(), DeliveryState.PENDING))
                        .then());
    }

    private static boolean reachable(EscalatedWorkOrder.Target target) {
        return target != null && target.phone() != null && !target.phone().isBlank();
    }

    /** One try (a timer fired): sends unless already sent, then records the outcome, which schedules any next try. */
    Mono<Void> attempt(String mallId, String id) {
        return store.findIfPresent(mallId, id)
                .filter(message -> !message.isSent())
                .flatMap(message -> send(message)
                        .then(Mono.defer(() -> store.changeIfPresent(mallId, id, m -> m.sent(clock.instant()))
                                .doOnNext(m -> metrics.message(mallId, DeliveryState.SENT))))
                        .onErrorResume(error -> {
                            String reason = DeliveryFailure.reasonOf(error);
                            if (message.getAttempts() == 0 || (message.getAttempts() + 1) % 10 == 0) {
                                log.warn("Escalation message {} failed (attempt {}), retrying every {}: {}", id,
                                        message.getAttempts() + 1, retryInterval, reason);
                            }
                            return store.changeIfPresent(mallId, id, m -> m.failed(reason, DeliveryFailure.statusOf(error),
                                            clock.instant(), retryInterval))
                                    .doOnNext(m -> metrics.message(mallId, DeliveryState.FAILED));
                        }))
                .then();
    }

    private Mono<Void> send(EscalationMessage message) {
        return settings.of(message.getMallId()).flatMap(mall -> {
            if (mall.gatewayUrl() == null) {
                return Mono.error(new GatewayRejectedException(DeliveryFailure.NOT_CONFIGURED, null));
            }
            // Checked again before every call: the address may predate the rules, or the allow-list changed.
            var uri = gatewayRules.uriToCall(mall.gatewayUrl(), mall.gatewayChosenByPlatform()).orElse(null);
            if (uri == null) {
                return Mono.error(new GatewayRejectedException(DeliveryFailure.NOT_ALLOWED, null));
            }
            return gateway.send(message.getMallId(), uri, message.getId(), EscalationGatewayMessage.of(message));
        });
    }

    /** The mall's escalation messages, newest escalation first; optionally one state or work order. */
    Mono<PageView<EscalationMessage>> page(String mallId, DeliveryState state, String workOrderId, ListQuery list) {
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        if (workOrderId != null) {
            criteria = criteria.and("workOrderId").is(workOrderId);
        }
        Query query = Query.query(criteria);
        var items = mongo.find(Query.of(query).with(Sort.by(Sort.Direction.DESC, "escalatedAt").and(Sort.by("_id")))
                .skip(list.offset()).limit(list.size()), EscalationMessage.class).collectList();
        return Mono.zip(items, mongo.count(query, EscalationMessage.class)).map(t -> list.page(t.getT1(), t.getT2()));
    }
}

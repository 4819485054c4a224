package com.mallservicedesk.callback.proactive;

import com.mallservicedesk.callback.followup.Callbacks;
import com.mallservicedesk.callback.followup.ProactiveTarget;
import com.mallservicedesk.callback.policy.CallbackPolicies;
import com.mallservicedesk.callback.policy.CallbackPolicy;
import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.store.InsertOnce;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Daily proactive callbacks (日常主動性回訪, seed 000 §4.5): keeps each mall's roster of active tenants from intake's
 * directory, and draws each day's sample once per mall and day, at the desk's opening (durable timer) or when a
 * supervisor asks.
 */
@Service
class DailySampling {

    private final AggregateStore<TenantRoster> rosters;
    private final ReactiveMongoTemplate mongo;
    private final CallbackPolicies policies;
    private final Callbacks callbacks;
    private final Clock clock;

    DailySampling(AggregateStores stores, ReactiveMongoTemplate mongo, CallbackPolicies policies, Callbacks callbacks,
                  Clock clock) {
        this.rosters = stores.of(TenantRoster.class, "tenant-roster");
        this.mongo = mongo;
        this.policies = policies;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * A tenant registered or changed in intake's directory, applied if newer than what the roster has of it; the mall's
     * first tenant sets the daily draw going.
     */
    Mono<Void> onTenant(IncomingEvent event, TenantChanged tenant) {
        String mallId = event.mallId();
        if (tenant.tenantId() == null) {
            return Mono.empty();
        }
        return policies.of(mallId).flatMap(policy -> {
            LocalDate firstDraw = firstDrawFrom(policy, clock.instant());
            return rosters.findIfPresent(mallId, mallId)
                    .flatMap(found -> rosters.change(mallId, mallId, r -> r.apply(tenant, event.time())))
                    .switchIfEmpty(Mono.defer(() -> rosters.create(TenantRoster.start(mallId, tenant, event.time(),
                                    firstDraw, policy.openingOnOrAfter(firstDraw)))
                            .switchIfEmpty(Mono.defer(() -> rosters.change(mallId, mallId,
                                    r -> r.apply(tenant, event.time()))))));
        }).then();
    }

    /** The timer of a day's draw: draws it, then sets the timer of the next working day's. Runs safely twice. */
    Mono<Void> drawAndPlanNext(String mallId, LocalDate date) {
        return draw(mallId, date, null)
                .then(policies.of(mallId))
                .flatMap(policy -> {
                    LocalDate next = policy.nextWorkingDay(date);
                    Instant now = clock.instant();
                    if (policy.openingOnOrAfter(next).isBefore(now)) {
                        // Fired late (the service was down): go on from today, not from the missed days.
                        next = firstDrawFrom(policy, now);
                    }
                    LocalDate nextDraw = next;
                    return rosters.changeIfPresent(mallId, mallId, r -> r.planDraw(nextDraw, policy.openingOnOrAfter(nextDraw)));
                })
                .then();
    }

    /** The day's draw: the stored one if the day was drawn already, else a new reproducible one, stored once. */
    Mono<DailySampleView> draw(String mallId, LocalDate date, String by) {
        String key = DailySample.key(mallId, date.toString());
        return policies.of(mallId).flatMap(policy -> stored(mallId, key)
                .switchIfEmpty(Mono.defer(() -> rosters.findIfPresent(mallId, mallId)
                        .map(TenantRoster::getActive)
                        .defaultIfEmpty(List.of())
                        .map(roster -> DailySampler.pick(roster, mallId, date, policy.dailySampleSize()))
                        .flatMap(picked -> InsertOnce.into(mongo, new DailySample(key, mallId, date.toString(),
                                policy.dailySampleSize(), picked, clock.instant().truncatedTo(ChronoUnit.MILLIS), by)))
                        // Drawn at the same moment elsewhere: theirs counts.
                        .switchIfEmpty(Mono.defer(() -> stored(mallId, key)))))
                .flatMap(sample -> callbacksFor(sample, date, policy)));
    }

    /** The sample's callbacks exist once drawn; creating them again after a crash in between changes nothing. */
    private Mono<DailySampleView> callbacksFor(DailySample sample, LocalDate date, CallbackPolicy policy) {
        List<ProactiveTarget> tenants = sample.tenants();
        return callbacks.scheduleProactive(sample.mallId(), date, tenants, policy).collectList()
                .map(ids -> new DailySampleView(sample.mallId(), sample.date(), sample.size(), tenants, ids,
                        sample.drawnAt(), sample.drawnBy()));
    }

    private Mono<DailySample> stored(String mallId, String key) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(key).and("mallId").is(mallId)), DailySample.class);
    }

    /** Today if the desk has not opened yet today, else its next working day. */
    static LocalDate firstDrawFrom(CallbackPolicy policy, Instant now) {
        LocalDate today = policy.dateOf(now);
        Instant opening = policy.openingOnOrAfter(today);
        return policy.dateOf(opening).equals(today) && now.isBefore(opening) ? today : policy.nextWorkingDay(today);
    }
}

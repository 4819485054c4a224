package com.mallservicedesk.survey.settings;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.CachedReads;
import com.mallservicedesk.platform.store.ConfigurationChanges;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The time zone each mall's months, days and survey periods are counted in: intake's mall settings (contract C1), kept
 * here as a small copy per mall, read by key and kept until it changes, as every event and report needs it;
 * {@code survey.zone} (Asia/Shanghai) while intake has sent none for the mall. A change applies to what is counted from
 * then on: at once on the instance that stored it, within about a second on the others.
 */
@Service
public class MallSettings {

    private static final Logger log = LoggerFactory.getLogger(MallSettings.class);

    private final ReactiveMongoTemplate mongo;
    private final ZoneId defaultZone;
    private final Clock clock;
    /** Read for every request and work-order event (their day and month), changed rarely. */
    private final CachedReads<ZoneId> zones;

    MallSettings(ReactiveMongoTemplate mongo, @Value("${survey.zone}") ZoneId defaultZone, Clock clock,
                 ConfigurationChanges changes, @Value("${survey.configuration-cache:PT10M}") Duration cacheFor) {
        this.mongo = mongo;
        this.defaultZone = defaultZone;
        this.clock = clock;
        this.zones = changes.cache("mall-zones", cacheFor);
    }

    /** The mall's zone: one read by key, kept until it changes (absence too: the default then applies). */
    public Mono<ZoneId> zoneOf(String mallId) {
        return zones.get(mallId, () -> mongo.findById(mallId, MallZone.class).map(z -> ZoneId.of(z.timeZone())))
                .defaultIfEmpty(defaultZone);
    }

    Mono<SettingsView> view(String mallId) {
        return mongo.findById(mallId, MallZone.class)
                .map(z -> new SettingsView(mallId, z.timeZone(), SettingsView.MALL_SETTINGS, z.revision(), z.changedAt()))
                .defaultIfEmpty(new SettingsView(mallId, defaultZone.getId(), SettingsView.DEFAULT, 0, null));
    }

    /**
     * Keeps the mall's zone if the change's revision is above the stored one: redelivered, replayed and reordered
     * events change nothing.
     */
    Mono<Void> apply(IncomingEvent event, MallSettingsChanged change) {
        String mallId = event.mallId();
        if (change.revision() == null || (change.mallId() != null && !change.mallId().equals(mallId))) {
            log.warn("Mall settings event {} ignored: no revision or another mall's settings", event.id());
            return Mono.empty();
        }
        ZoneId zone = zone(change.timeZone());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Query olderCopy = Query.query(Criteria.where("_id").is(mallId).and("revision").lt(change.revision()));
        Update replace = new Update().set("revision", change.revision()).set("timeZone", zone.getId())
                .set("siteKind", change.siteKind()).set("changedAt", change.changedAt()).set("receivedAt", now);
        return mongo.updateFirst(olderCopy, replace, MallZone.class)
                .flatMap(result -> result.getMatchedCount() > 0 ? Mono.<Void>empty()
                        : mongo.insert(new MallZone(mallId, change.revision(), zone.getId(), change.siteKind(),
                                        change.changedAt(), now)).then()
                                // The stored copy is as new or newer: nothing to do.
                                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                // What every instance counts next is in the zone just stored, not the one it kept; recorded for an old
                // event too, which may be the redelivery of a change stored but not recorded.
                .then(zones.changed(mallId));
    }

    private ZoneId zone(String name) {
        try {
            if (name != null) {
                return ZoneId.of(name);
            }
        } catch (DateTimeException e) {
            log.warn("Mall settings name an unknown time zone {}: the default {} applies", name, defaultZone);
        }
        return defaultZone;
    }

    /**
     * @param source   {@code MALL_SETTINGS} (intake's settings, at {@code revision}) or {@code DEFAULT} (none received)
     */
    record SettingsView(String mallId, String zone, String source, long revision, Instant changedAt) {
        static final String MALL_SETTINGS = "MALL_SETTINGS";
        static final String DEFAULT = "DEFAULT";
    }
}

package com.mallservicedesk.callback.mall;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.events.IncomingEvent;
import java.time.Clock;
import java.time.DateTimeException;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Each mall's copy of intake's mall settings (contract C1), read by the mall's id. A change is kept only if its
 * revision is above the stored one, so redelivered, replayed and reordered events change nothing.
 */
@Service
public class MallSites {

    private static final Logger log = LoggerFactory.getLogger(MallSites.class);

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final ZoneId defaultZone;
    private final Clock clock;

    MallSites(ReactiveMongoTemplate mongo, JsonMapper json, @Value("${callback.default-zone:Asia/Shanghai}") ZoneId defaultZone,
              Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /** The mall's site, or the defaults of C1 while intake has sent nothing for it. */
    public Mono<Site> of(String mallId) {
        return mongo.findById(mallId, StoredSite.class).map(this::site).defaultIfEmpty(Site.defaults(mallId, defaultZone));
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** Applies a change of the mall's settings if it is newer than the stored copy; idempotent. */
    Mono<Void> apply(IncomingEvent event, MallSettingsChanged change) {
        String mallId = event.mallId();
        if (change.revision() == null || (change.mallId() != null && !change.mallId().equals(mallId))) {
            log.warn("Mall settings event {} ignored: no revision or another mall's settings", event.id());
            return Mono.empty();
        }
        StoredSite stored = new StoredSite(mallId, change.revision(), zoneOf(change).getId(),
                change.siteKind() != null ? change.siteKind() : SiteKind.MALL,
                change.deskHours() == null ? null : json.writeValueAsString(change.deskHours()),
                change.changedAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Query olderCopy = Query.query(Criteria.where("_id").is(mallId).and("revision").lt(change.revision()));
        Update replace = new Update().set("revision", stored.revision()).set("timeZone", stored.timeZone())
                .set("siteKind", stored.siteKind()).set("deskHours", stored.deskHours())
                .set("changedAt", stored.changedAt()).set("receivedAt", stored.receivedAt());
        return mongo.updateFirst(olderCopy, replace, StoredSite.class)
                .flatMap(result -> result.getMatchedCount() > 0 ? Mono.<Void>empty()
                        : mongo.insert(stored).then()
                                // The stored copy is as new or newer: nothing to do.
                                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()));
    }

    private ZoneId zoneOf(MallSettingsChanged change) {
        try {
            if (change.timeZone() != null) {
                return ZoneId.of(change.timeZone());
            }
        } catch (DateTimeException e) {
            log.warn("Mall settings of {} name an unknown time zone {}: the default {} applies", change.mallId(),
                    change.timeZone(), defaultZone);
        }
        return change.deskHours() != null ? change.deskHours().zone() : defaultZone;
    }

    private Site site(StoredSite stored) {
        ZoneId zone = ZoneId.of(stored.timeZone());
        WorkingCalendar desk = stored.deskHours() != null
                ? json.readValue(stored.deskHours(), WorkingCalendar.class).withZone(zone)
                : stored.siteKind() == SiteKind.CAMPUS ? WorkingCalendar.aroundTheClock(zone) : WorkingCalendar.mallDeskHours(zone);
        return new Site(stored.mallId(), stored.siteKind(), desk, stored.revision());
    }
}

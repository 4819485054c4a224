package com.mallservicedesk.dispatch.mall;

import com.mallservicedesk.platform.events.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import java.time.Duration;
import com.mallservicedesk.platform.store.CachedReads;
import com.mallservicedesk.platform.store.ConfigurationChanges;

/**
 * Each mall's time zone and desk hours, from intake's mall settings (contract C1). A mall intake has not described
 * yet gets the defaults: the configured zone (Asia/Shanghai unless configured), the configured site kind (MALL unless
 * configured) and that kind's desk hours (seed 000 §3.1.1: 12 h a day; seed 001 §二.1: 24 h on a campus).
 */
@Service
public class Malls {

    private static final Logger log = LoggerFactory.getLogger(Malls.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final SiteKind defaultSiteKind;
    private final MeterRegistry meters;
    /** Read on every save of every work order (its clocks count in the mall's hours); changed rarely. */
    private final CachedReads<MallCalendar> cached;

    Malls(ReactiveMongoTemplate mongo, Clock clock, @Value("${dispatch.default-zone:Asia/Shanghai}") ZoneId defaultZone,
          @Value("${dispatch.default-site-kind:MALL}") SiteKind defaultSiteKind, MeterRegistry meters,
          ConfigurationChanges changes, @Value("${dispatch.configuration-cache:PT10M}") Duration cacheFor) {
        this.cached = changes.cache("mall-calendars", cacheFor);
        this.mongo = mongo;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.defaultSiteKind = defaultSiteKind;
        this.meters = meters;
    }

    /** The mall's zone and desk hours: one read by {@code _id}, kept until they change. */
    public Mono<MallCalendar> of(String mallId) {
        return cached.get(mallId, () -> mongo.findById(mallId, MallSettings.class).map(this::calendar))
                .defaultIfEmpty(defaults(mallId));
    }

    public MallCalendar defaults(String mallId) {
        return new MallCalendar(mallId, 0, defaultZone, defaultSiteKind, defaultSiteKind.defaultDeskHours(defaultZone));
    }

    /**
     * Stores a newer revision of the mall's settings. The write replaces the copy only where the stored revision is
     * lower; where it is not, the upsert collides with the existing {@code _id} and the event is an old one (a replay
     * or a reordering): nothing changes.
     */
    Mono<Void> changed(IncomingEvent event, MallSettingsChanged data) {
        String mallId = data.mallId() != null ? data.mallId() : event.mallId();
        if (!mallId.equals(event.mallId()) || data.revision() == null) {
            log.warn("Mall settings event {} names mall {} in a record of mall {} or has no revision: ignored", event.id(),
                    data.mallId(), event.mallId());
            return Mono.empty();
        }
        var settings = new MallSettings(mallId, data.revision(), data.timeZone(), data.siteKind(),
                data.deskHours() == null ? null : data.deskHours().stored(), data.changedAt(), clock.instant());
        Query olderCopy = Query.query(Criteria.where("_id").is(mallId).and("revision").lt(data.revision()));
        return mongo.findAndReplace(olderCopy, settings, FindAndReplaceOptions.options().upsert())
                .onErrorResume(DuplicateKeyException.class, stale -> Mono.empty())
                // An old event too: redelivered after the change was stored but not recorded, it records it now.
                .then(cached.changed(mallId));
    }

    private MallCalendar calendar(MallSettings settings) {
        ZoneId zone = zone(settings);
        SiteKind kind = SiteKind.parse(settings.siteKind(), defaultSiteKind);
        var fallback = kind.defaultDeskHours(zone);
        if (settings.deskHours() == null) {
            return new MallCalendar(settings.mallId(), settings.revision(), zone, kind, fallback);
        }
        var read = settings.deskHours().read(zone, fallback);
        if (!read.repairs().isEmpty()) {
            log.warn("Mall {} has desk hours that had to be repaired: {}", settings.mallId(), read.repairs());
            meters.counter("msd.dispatch.calendar.fallbacks", "mall", settings.mallId(), "department", "none").increment();
        }
        return new MallCalendar(settings.mallId(), settings.revision(), zone, kind, read.calendar());
    }

    private ZoneId zone(MallSettings settings) {
        try {
            return settings.timeZone() == null || settings.timeZone().isBlank() ? defaultZone : ZoneId.of(settings.timeZone());
        } catch (DateTimeException e) {
            log.warn("Mall {} has an unknown time zone {}: the default zone is used", settings.mallId(), settings.timeZone());
            return defaultZone;
        }
    }
}

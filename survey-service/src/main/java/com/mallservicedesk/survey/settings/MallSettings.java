package com.mallservicedesk.survey.settings;

import com.mallservicedesk.platform.problem.ApiException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The time zone each mall's months and days are counted in (default {@code survey.zone}, Asia/Shanghai). Read by key
 * for every event and report; a change applies to what is counted from then on.
 */
@Service
public class MallSettings {

    private final ReactiveMongoTemplate mongo;
    private final ZoneId defaultZone;
    private final Clock clock;

    MallSettings(ReactiveMongoTemplate mongo, @Value("${survey.zone}") ZoneId defaultZone, Clock clock) {
        this.mongo = mongo;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    public Mono<ZoneId> zoneOf(String mallId) {
        return mongo.findById(mallId, ReportSettings.class)
                .map(settings -> ZoneId.of(settings.zone()))
                .defaultIfEmpty(defaultZone);
    }

    Mono<SettingsView> view(String mallId) {
        return mongo.findById(mallId, ReportSettings.class)
                .map(s -> new SettingsView(mallId, s.zone(), s.updatedAt(), s.updatedBy()))
                .defaultIfEmpty(new SettingsView(mallId, defaultZone.getId(), null, null));
    }

    Mono<SettingsView> change(String mallId, String zone, String by) {
        ZoneId parsed;
        try {
            parsed = ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "zone-invalid", zone));
        }
        return mongo.save(new ReportSettings(mallId, parsed.getId(), clock.instant(), by)).then(view(mallId));
    }

    record SettingsView(String mallId, String zone, java.time.Instant updatedAt, String updatedBy) {
    }
}

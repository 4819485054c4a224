package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.Sequences;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Human-readable request numbers, unique per mall and local day: {@code M001-20261122-0007}. */
@Component
class RequestNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Sequences counters;

    RequestNumbers(ReactiveMongoTemplate mongo) {
        this.counters = Sequences.in(mongo, "request_counters");
    }

    /** @param zone the mall's time zone: the day in the number is the mall's local day */
    Mono<String> next(String mallId, Instant at, ZoneId zone) {
        String day = DAY.format(at.atZone(zone));
        return counters.next(mallId + "-" + day).map(seq -> "%s-%s-%04d".formatted(mallId, day, seq));
    }
}

package com.mallservicedesk.intake.request;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Human-readable request numbers, unique per mall and local day: {@code M001-20261122-0007}. */
@Component
class RequestNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ReactiveMongoTemplate mongo;

    RequestNumbers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @param zone the mall's time zone: the day in the number is the mall's local day */
    Mono<String> next(String mallId, Instant at, ZoneId zone) {
        String day = DAY.format(at.atZone(zone));
        String counter = mallId + "-" + day;
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(counter)), new Update().inc("seq", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "request_counters")
                .map(doc -> "%s-%s-%04d".formatted(mallId, day, ((Number) doc.get("seq")).longValue()));
    }
}

package com.mallservicedesk.claims.claim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Which requests and incidents happened where, one small document per mall, floor, zone and day (UTC), so an incident
 * finds the earlier requests at its place by key. Both sides write first and read second: whichever of a request and a
 * later incident is processed last sees the other, so the link is made even when intake's events arrive out of order.
 */
@Component
class PlaceLog {

    static final String COLLECTION = "claim_place_log";

    record Request(String requestId, String number, String kind, String description, Instant receivedAt) {
    }

    record Incident(String claimId, Instant occurredAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Duration window;

    PlaceLog(ReactiveMongoTemplate mongo, @Value("${claims.linking.window:PT24H}") Duration window) {
        this.mongo = mongo;
        this.window = window;
    }

    /** Records a request and returns the incidents at its place that happened within the window after it. */
    Flux<Incident> recordRequest(String mallId, Location location, Request request) {
        String place = place(mallId, location);
        if (place == null || request.receivedAt() == null) {
            return Flux.empty();
        }
        Document entry = new Document("requestId", request.requestId()).append("number", request.number())
                .append("kind", request.kind()).append("description", request.description())
                .append("receivedAt", Date.from(request.receivedAt()));
        Instant until = request.receivedAt().plus(window);
        return pushAndRead(place, request.receivedAt(), "requests", entry, request.receivedAt(), until)
                .flatMapIterable(doc -> doc.getList("incidents", Document.class, List.of()))
                .map(d -> new Incident(d.getString("claimId"), d.getDate("occurredAt").toInstant()))
                .filter(i -> i.occurredAt().isAfter(request.receivedAt()) && !i.occurredAt().isAfter(until))
                .distinct();
    }

    /** Records an incident and returns the requests at its place received within the window before it. */
    Flux<Request> recordIncident(String mallId, Location location, Incident incident) {
        String place = place(mallId, location);
        if (place == null || incident.occurredAt() == null) {
            return Flux.empty();
        }
        Document entry = new Document("claimId", incident.claimId()).append("occurredAt", Date.from(incident.occurredAt()));
        Instant since = incident.occurredAt().minus(window);
        return pushAndRead(place, incident.occurredAt(), "incidents", entry, since, incident.occurredAt())
                .flatMapIterable(doc -> doc.getList("requests", Document.class, List.of()))
                .map(d -> new Request(d.getString("requestId"), d.getString("number"), d.getString("kind"),
                        d.getString("description"), d.getDate("receivedAt").toInstant()))
                .filter(r -> !r.receivedAt().isBefore(since) && r.receivedAt().isBefore(incident.occurredAt()))
                .distinct();
    }

    /**
     * Adds the entry to its day's document and returns the day documents covering [from, to] (a window of a day: two or
     * three, by key). The write answers with its own day's document as it now is, so only the other days are read:
     * one round trip fewer, and the read still follows the write.
     */
    private Flux<Document> pushAndRead(String place, Instant at, String field, Document entry, Instant from, Instant to) {
        String pushed = key(place, at);
        // $addToSet: a redelivered event adds nothing. Two first writes of one day racing can make one upsert fail on
        // the key; it changed nothing, so it is written again.
        Mono<Document> day = mongo.findAndModify(Query.query(Criteria.where("_id").is(pushed)),
                        new Update().addToSet(field, entry), FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                .retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
        List<String> others = new ArrayList<>();
        for (LocalDate d = day(from); !d.isAfter(day(to)); d = d.plusDays(1)) {
            String key = place + "|" + d;
            if (!key.equals(pushed)) {
                others.add(key);
            }
        }
        return day.concatWith(Flux.fromIterable(others).concatMap(k -> mongo.findById(k, Document.class, COLLECTION)));
    }

    private static String key(String place, Instant at) {
        return place + "|" + day(at);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Floor and zone, normalised; no floor means no place to compare. */
    static String place(String mallId, Location location) {
        if (location == null || location.floor() == null || location.floor().isBlank()) {
            return null;
        }
        String zone = location.zone() == null ? "" : location.zone().strip().toUpperCase(Locale.ROOT);
        return mallId + "|" + location.floor().strip().toUpperCase(Locale.ROOT) + "|" + zone;
    }
}

package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.store.InsertOnce;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Which requests and incidents happened where: one small document per request and per incident, keyed by place and
 * time ({@link PlaceKeys}), so an entry's write is that entry alone however busy its place is, and the other side's
 * entries within the window are one range of keys. Both sides write first and read second: whichever of a request and
 * a later incident is processed last sees the other, so the link is made even when intake's events arrive out of
 * order.
 */
@Component
class PlaceLog {

    static final String REQUESTS = "claim_place_requests";
    static final String INCIDENTS = "claim_place_incidents";

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
        String place = PlaceKeys.place(mallId, location);
        if (place == null || request.receivedAt() == null) {
            return Flux.empty();
        }
        Instant until = request.receivedAt().plus(window);
        return writeThenRead(entry(place, request), REQUESTS, INCIDENTS, place, request.receivedAt(), until)
                .filter(found -> key(place, incident(found)).equals(found.get("_id")))
                .map(PlaceLog::incident)
                .filter(i -> i.occurredAt().isAfter(request.receivedAt()) && !i.occurredAt().isAfter(until));
    }

    /** Records an incident and returns the requests at its place received within the window before it. */
    Flux<Request> recordIncident(String mallId, Location location, Incident incident) {
        String place = PlaceKeys.place(mallId, location);
        if (place == null || incident.occurredAt() == null) {
            return Flux.empty();
        }
        Instant since = incident.occurredAt().minus(window);
        return writeThenRead(entry(place, incident), INCIDENTS, REQUESTS, place, since, incident.occurredAt())
                .filter(found -> key(place, request(found)).equals(found.get("_id")))
                .map(PlaceLog::request)
                .filter(r -> !r.receivedAt().isBefore(since) && r.receivedAt().isBefore(incident.occurredAt()));
    }

    /**
     * Inserts the entry (a repeat of an earlier event inserts nothing and still reads), then reads the other side's
     * entries of the place from {@code from} to {@code to}, both included to the millisecond: one range of keys. The
     * caller keeps the entries whose key is the one their place, time and id make (a place whose zone is this one's,
     * a '|' and more sorts within the range) and applies the window's exact bounds.
     */
    private Flux<Document> writeThenRead(Document entry, String into, String other, String place, Instant from,
                                         Instant to) {
        var range = Query.query(Criteria.where("_id").gte(PlaceKeys.from(place, from)).lt(PlaceKeys.after(place, to)));
        return InsertOnce.into(mongo, entry, into).thenMany(mongo.find(range, Document.class, other));
    }

    // ------------------------------------------------------------------ the entries' documents

    private static String key(String place, Request request) {
        return PlaceKeys.entry(place, request.receivedAt(), request.requestId());
    }

    private static String key(String place, Incident incident) {
        return PlaceKeys.entry(place, incident.occurredAt(), incident.claimId());
    }

    static Document entry(String place, Request request) {
        return new Document("_id", key(place, request))
                .append("requestId", request.requestId()).append("number", request.number())
                .append("kind", request.kind()).append("description", request.description())
                .append("receivedAt", Date.from(request.receivedAt()));
    }

    static Document entry(String place, Incident incident) {
        return new Document("_id", key(place, incident))
                .append("claimId", incident.claimId()).append("occurredAt", Date.from(incident.occurredAt()));
    }

    static Request request(Document entry) {
        return new Request(entry.getString("requestId"), entry.getString("number"), entry.getString("kind"),
                entry.getString("description"), entry.getDate("receivedAt").toInstant());
    }

    static Incident incident(Document entry) {
        return new Incident(entry.getString("claimId"), entry.getDate("occurredAt").toInstant());
    }
}

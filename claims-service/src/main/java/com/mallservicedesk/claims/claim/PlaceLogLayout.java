package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.platform.store.LayoutConversion;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Brings the place log of the earlier layout, one document per place and UTC day holding every request and incident
 * of it ({@value #EARLIER}, {@code _id} {@code <place>|<day>}), to one document per entry ({@link PlaceLog}), so an
 * upgraded service still links what was recorded before it. Each day document's entries are inserted once (by their
 * key: a second run or a second instance inserts nothing), then the day document is deleted if it holds no more
 * entries than were converted; one that an instance of the earlier version added to meanwhile stays, for the next
 * start. Runs at start, before the service consumes events (a lower phase than the listeners'), so no incident looks
 * for earlier requests that are still in the earlier layout.
 */
@Component
class PlaceLogLayout extends LayoutConversion {

    static final String EARLIER = "claim_place_log";

    /** Inserts of one day document's entries in flight at once. */
    private static final int CONCURRENT_INSERTS = 16;

    private final ReactiveMongoTemplate mongo;

    PlaceLogLayout(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Converts what is left in the earlier layout; the number of day documents converted and deleted. */
    @Override
    protected Mono<Long> convert() {
        return mongo.findAll(Document.class, EARLIER)
                .concatMap(this::converted)
                .filter(Boolean::booleanValue).count();
    }

    private Mono<Boolean> converted(Document day) {
        String id = day.getString("_id");
        String place = id.substring(0, id.lastIndexOf('|'));
        List<Document> requests = day.getList("requests", Document.class, List.of());
        List<Document> incidents = day.getList("incidents", Document.class, List.of());
        Flux<Document> toRequests = Flux.fromIterable(requests)
                .flatMap(r -> InsertOnce.into(mongo, PlaceLog.entry(place, PlaceLog.request(r)), PlaceLog.REQUESTS),
                        CONCURRENT_INSERTS);
        Flux<Document> toIncidents = Flux.fromIterable(incidents)
                .flatMap(i -> InsertOnce.into(mongo, PlaceLog.entry(place, PlaceLog.incident(i)), PlaceLog.INCIDENTS),
                        CONCURRENT_INSERTS);
        var unchanged = Criteria.where("_id").is(id);
        holds(unchanged, "requests", requests.size());
        holds(unchanged, "incidents", incidents.size());
        return toRequests.thenMany(toIncidents)
                .then(mongo.remove(Query.query(unchanged), EARLIER))
                .map(deleted -> deleted.getDeletedCount() > 0);
    }

    /** An array's size as converted: {@code $addToSet} only ever adds, so a longer one has entries added since. */
    private static void holds(Criteria criteria, String field, int entries) {
        if (entries == 0) {
            criteria.and(field).exists(false);
        } else {
            criteria.and(field).size(entries);
        }
    }

    @Override
    protected String convertedMessage() {
        return "Place log: {} day documents of the earlier layout converted to one document per request and "
                + "incident";
    }
}

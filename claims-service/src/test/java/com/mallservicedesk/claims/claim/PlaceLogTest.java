package com.mallservicedesk.claims.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.claims.ClaimsIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The place log keeps one small document per request and per incident, so recording one writes that alone however
 * busy its place is; the other side's entries within the window are read by a range of keys. Day documents of the
 * earlier layout are converted once.
 */
class PlaceLogTest extends ClaimsIntegrationTest {

    private static final Location FOOD_COURT = new Location("B1", "Food Court", null);
    private static final Duration WINDOW = Duration.ofHours(24);

    @Autowired
    private PlaceLog places;
    @Autowired
    private PlaceLogLayout layout;

    private final String mall = newMall();
    private final String place = mall + "|B1|FOOD COURT";

    @Test
    void aRequestWritesOnlyItsOwnDocumentHoweverManyItsPlaceHadThatDay() {
        Instant opening = Instant.parse("2026-11-20T02:00:00Z");
        places.recordRequest(mall, FOOD_COURT, request("r-0", opening)).blockLast();
        Document first = mongo.findById(PlaceKeys.entry(place, opening, "r-0"), Document.class, PlaceLog.REQUESTS)
                .block();
        assertThat(first).isNotNull();

        for (int i = 1; i < 200; i++) {
            places.recordRequest(mall, FOOD_COURT, request("r-" + i, opening.plusSeconds(60L * i))).blockLast();
        }

        List<Document> day = placeEntries(PlaceLog.REQUESTS);
        assertThat(day).hasSize(200).allSatisfy(entry -> assertThat(entry.keySet())
                .containsExactlyInAnyOrder("_id", "requestId", "number", "kind", "description", "receivedAt"));
        // Later requests left the first one's document as it was written.
        assertThat(day.get(0)).isEqualTo(first);
        assertThat(mongo.findById(place + "|2026-11-20", Document.class, PlaceLogLayout.EARLIER).block()).isNull();
        // And an incident after them all still finds every one of them.
        assertThat(places.recordIncident(mall, FOOD_COURT, new PlaceLog.Incident("claim-1", opening.plus(Duration
                .ofHours(4)))).map(PlaceLog.Request::requestId).collectList().block()).hasSize(200).contains("r-0", "r-199");
        assertThat(placeEntries(PlaceLog.INCIDENTS)).hasSize(1);
    }

    @Test
    void theWindowIsExactlyAsLongAsConfiguredWhicheverSideComesLast() {
        Instant fall = Instant.parse("2026-11-20T00:10:00Z");
        places.recordRequest(mall, FOOD_COURT, request("too-early", fall.minus(WINDOW).minusMillis(1))).blockLast();
        places.recordRequest(mall, FOOD_COURT, request("first-in", fall.minus(WINDOW))).blockLast();
        places.recordRequest(mall, FOOD_COURT, request("same-time", fall)).blockLast();

        assertThat(places.recordIncident(mall, FOOD_COURT, new PlaceLog.Incident("claim-exact", fall))
                .map(PlaceLog.Request::requestId).collectList().block()).containsExactly("first-in");
        // Times are stored to the millisecond: a request of the fall's millisecond is before a fall later within it,
        // and the window's start is that much later too.
        var withinTheMillisecond = new PlaceLog.Incident("claim-fall", fall.plusNanos(400_000));
        assertThat(places.recordIncident(mall, FOOD_COURT, withinTheMillisecond).map(PlaceLog.Request::requestId)
                .collectList().block()).containsExactly("same-time");

        // The requests' side, after the incidents (both stored at the fall's millisecond).
        assertThat(incidentsFor("late-first-in", fall.minus(WINDOW)))
                .containsExactlyInAnyOrder("claim-exact", "claim-fall");
        assertThat(incidentsFor("late-too-early", fall.minus(WINDOW).minusMillis(1))).isEmpty();
        assertThat(incidentsFor("late-same-time", fall)).isEmpty();
        assertThat(incidentsFor("late-just-before", fall.minusMillis(1)))
                .containsExactlyInAnyOrder("claim-exact", "claim-fall");
    }

    @Test
    void aPlaceWhoseZoneBeginsWithAnothersIsNotThatPlace() {
        Instant fall = Instant.parse("2026-11-20T00:10:00Z");
        // Its keys sort inside the range of Food Court's day: "…|FOOD COURT|2026-11-20T00:05|2026-11-20T00:01…".
        var longer = new Location("B1", "Food Court|2026-11-20T00:05", null);
        places.recordRequest(mall, longer, request("elsewhere", fall.minusSeconds(540))).blockLast();
        places.recordRequest(mall, FOOD_COURT, request("here", fall.minusSeconds(480))).blockLast();

        assertThat(places.recordIncident(mall, FOOD_COURT, new PlaceLog.Incident("claim-1", fall))
                .map(PlaceLog.Request::requestId).collectList().block()).containsExactly("here");
    }

    @Test
    void aRepeatedRecordWritesNothingNewAndStillFindsTheOtherSide() {
        Instant fall = Instant.parse("2026-11-20T09:00:00Z");
        places.recordIncident(mall, FOOD_COURT, new PlaceLog.Incident("claim-1", fall)).blockLast();
        var spill = request("r-1", fall.minusSeconds(600));

        assertThat(places.recordRequest(mall, FOOD_COURT, spill).collectList().block()).hasSize(1);
        assertThat(places.recordRequest(mall, FOOD_COURT, spill).collectList().block()).hasSize(1);
        assertThat(places.recordIncident(mall, FOOD_COURT, new PlaceLog.Incident("claim-1", fall)).collectList()
                .block()).containsExactly(spill);
        assertThat(placeEntries(PlaceLog.REQUESTS)).hasSize(1);
        assertThat(placeEntries(PlaceLog.INCIDENTS)).hasSize(1);
    }

    @Test
    void dayDocumentsOfTheEarlierLayoutAreConvertedOnceAndStillLink() {
        mongo.save(new Document("_id", place + "|2026-11-19")
                .append("requests", List.of(oldRequest("old-before-midnight", "2026-11-19T23:50:00Z")))
                .append("incidents", List.of(new Document("claimId", "claim-old")
                        .append("occurredAt", Date.from(Instant.parse("2026-11-19T23:55:00Z"))))),
                PlaceLogLayout.EARLIER).block();
        mongo.save(new Document("_id", place + "|2026-11-20")
                .append("requests", List.of(oldRequest("old-after-midnight", "2026-11-20T00:05:00Z"),
                        oldRequest("old-later", "2026-11-20T06:00:00Z"))), PlaceLogLayout.EARLIER).block();

        assertThat(layout.convert().block()).isEqualTo(2);

        assertThat(mongo.findAll(Document.class, PlaceLogLayout.EARLIER).collectList().block()).isEmpty();
        assertThat(placeEntries(PlaceLog.REQUESTS)).extracting(d -> d.getString("requestId"))
                .containsExactly("old-before-midnight", "old-after-midnight", "old-later");
        Document converted = placeEntries(PlaceLog.REQUESTS).get(0);
        assertThat(converted.getString("number")).isEqualTo("N-old-before-midnight");
        assertThat(converted.getString("description")).isEqualTo("地面有积水");
        // An incident after the upgrade finds the requests before it; a request after it finds the incident.
        assertThat(places.recordIncident(mall, FOOD_COURT, new PlaceLog.Incident("claim-new",
                Instant.parse("2026-11-20T00:10:00Z"))).map(PlaceLog.Request::requestId).collectList().block())
                .containsExactlyInAnyOrder("old-before-midnight", "old-after-midnight");
        assertThat(incidentsFor("new", Instant.parse("2026-11-19T23:52:00Z")))
                .containsExactlyInAnyOrder("claim-old", "claim-new");

        // Nothing is left to convert, and converting again changes nothing.
        assertThat(layout.convert().block()).isZero();
        assertThat(placeEntries(PlaceLog.REQUESTS)).hasSize(4);
    }

    private List<String> incidentsFor(String requestId, Instant receivedAt) {
        return places.recordRequest(mall, FOOD_COURT, request(requestId, receivedAt)).map(PlaceLog.Incident::claimId)
                .collectList().block();
    }

    /** The place's entries in key order, read by a range of keys as the log reads them. */
    private List<Document> placeEntries(String collection) {
        var range = Query.query(Criteria.where("_id").gte(place + "|").lt(place + "}"));
        return mongo.find(range, Document.class, collection).collectList().block().stream()
                .sorted((a, b) -> a.getString("_id").compareTo(b.getString("_id"))).toList();
    }

    private static PlaceLog.Request request(String requestId, Instant receivedAt) {
        return new PlaceLog.Request(requestId, "N-" + requestId, "REPAIR", "地面有积水", receivedAt);
    }

    private static Document oldRequest(String requestId, String receivedAt) {
        return new Document("requestId", requestId).append("number", "N-" + requestId).append("kind", "REPAIR")
                .append("description", "地面有积水").append("receivedAt", Date.from(Instant.parse(receivedAt)));
    }
}

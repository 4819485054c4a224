package com.mallservicedesk.survey.reception;

import static com.mallservicedesk.survey.reception.Tally.segment;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.survey.settings.MallSettings;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Requests into the reception figures (客服接待月報表, seed 000 §4.11): counted once when first registered (the
 * tracked request is inserted once), and their outcome moved in the period they were received in when they end.
 */
@Service
class RequestTracking {

    private final ReactiveMongoTemplate mongo;
    private final PeriodCounters counters;
    private final MallSettings settings;

    RequestTracking(ReactiveMongoTemplate mongo, PeriodCounters counters, MallSettings settings) {
        this.mongo = mongo;
        this.counters = counters;
        this.settings = settings;
    }

    Mono<Void> registered(IncomingEvent event, IntakeRequestEvents.Registered request) {
        String mallId = event.mallId();
        Instant received = request.receivedAt() != null ? request.receivedAt() : event.time();
        return settings.zoneOf(mallId).flatMap(zone -> {
            var at = received.atZone(zone);
            String kind = segment(request.kind());
            String channel = segment(request.channel());
            var tracked = new TrackedRequest(request.requestId(), mallId, kind, channel, received,
                    YearMonth.from(at).toString(), at.toLocalDate().toString(), zone.getId(), TrackedRequest.OPEN, null);
            // The count completes empty: the new request is passed on, so the fallback runs only for a known one.
            return InsertOnce.into(mongo, tracked)
                    .flatMap(first -> count(mallId, at, kind, channel, TrackedRequest.OPEN).thenReturn(first))
                    .switchIfEmpty(Mono.defer(() -> endedBeforeRegistered(tracked)
                            .flatMap(ended -> count(mallId, at, kind, channel, ended.outcome()))
                            .then(Mono.empty())))
                    .then();
        });
    }

    /** Counts a newly known request in its period, with the outcome it has (open, or already ended). */
    private Mono<Void> count(String mallId, ZonedDateTime at, String kind, String channel, String outcome) {
        Mono<Void> period = counters.at(mallId, at, new Tally()
                .add("requests.total", 1)
                .add("requests.byChannel." + channel, 1)
                .add("requests.byKind." + kind, 1)
                .add("requests.byChannelKind." + channel + "." + kind, 1)
                .add("outcomes." + kind + "." + outcome, 1));
        return TrackedRequest.OPEN.equals(outcome)
                ? period.then(counters.open(mallId, new Tally().add("requests.open", 1).add("requests.byKind." + kind, 1)))
                : period;
    }

    /**
     * The request's end arrived before its registration (events out of order): the stored record only knows the
     * outcome. Completing it with the registration's facts (once: only while it lacks its month) gives the request to
     * count, with that outcome and without ever being open.
     */
    private Mono<TrackedRequest> endedBeforeRegistered(TrackedRequest registration) {
        var endedOnly = Query.query(Criteria.where("_id").is(registration.requestId()).and("mallId")
                .is(registration.mallId()).and("month").is(null));
        var facts = new Update().set("kind", registration.kind()).set("channel", registration.channel())
                .set("receivedAt", registration.receivedAt()).set("month", registration.month())
                .set("day", registration.day()).set("zone", registration.zone());
        return mongo.findAndModify(endedOnly, facts, FindAndModifyOptions.options().returnNew(true), TrackedRequest.class);
    }

    Mono<Void> closed(IncomingEvent event, IntakeRequestEvents.Closed closed) {
        return end(event, closed.requestId(), closed.reason() == null ? "CLOSED" : segment(closed.reason()));
    }

    Mono<Void> cancelled(IncomingEvent event, IntakeRequestEvents.Ended ended) {
        return end(event, ended.requestId(), "CANCELLED");
    }

    Mono<Void> merged(IncomingEvent event, IntakeRequestEvents.Ended ended) {
        return end(event, ended.requestId(), "MERGED");
    }

    /**
     * Only an open request ends (a conditional write), so a request's outcome moves once. A request survey has not seen
     * registered yet (its end arrived first) is stored with its outcome only; its registration counts it then.
     */
    private Mono<Void> end(IncomingEvent event, String requestId, String outcome) {
        if (requestId == null) {
            return Mono.empty();
        }
        var stillOpen = Query.query(Criteria.where("_id").is(requestId).and("mallId").is(event.mallId())
                .and("outcome").is(TrackedRequest.OPEN));
        var update = new Update().set("outcome", outcome).set("endedAt", event.time());
        return mongo.findAndModify(stillOpen, update, FindAndModifyOptions.options().returnNew(false), TrackedRequest.class)
                .flatMap(was -> counters.in(was.mallId(), was.month(), was.day(), ZoneId.of(was.zone()), new Tally()
                                .add("outcomes." + was.kind() + "." + TrackedRequest.OPEN, -1)
                                .add("outcomes." + was.kind() + "." + outcome, 1))
                        .then(counters.open(was.mallId(), new Tally().add("requests.open", -1)
                                .add("requests.byKind." + was.kind(), -1)))
                        .thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> InsertOnce.into(mongo, new TrackedRequest(requestId, event.mallId(), null,
                                null, null, null, null, null, outcome, event.time()))
                        .map(stored -> true)))
                .then();
    }
}

package com.mallservicedesk.survey.reception;

import static com.mallservicedesk.survey.reception.Tally.segment;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import com.mallservicedesk.survey.settings.MallSettings;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Requests into the reception figures (客服接待月報表, seed 000 §4.11): counted once when first registered, and their
 * outcome moved in the period they were received in when they end. Each handler reads the tracked request, moves the
 * figures and then stores the tracked request ({@link PeriodCounters#count}): a repeat finds it and moves nothing.
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
            return known(request.requestId()).flatMap(stored -> {
                if (stored.isEmpty()) {
                    return counters.count(event, received(mallId, at, kind, channel, TrackedRequest.OPEN),
                            InsertOnce.into(mongo, tracked));
                }
                if (!mallId.equals(stored.get().mallId()) || stored.get().month() != null) {
                    return Mono.<Void>empty();      // counted before (or another mall's id: never counted here)
                }
                // Its end came first: counted now, with that outcome and never open.
                return counters.count(event, received(mallId, at, kind, channel, stored.get().outcome()),
                        completeEndedRequest(tracked));
            });
        });
    }

    /** A newly known request in its period, with the outcome it has (open, or already ended). */
    private static FigureMoves received(String mallId, ZonedDateTime at, String kind, String channel, String outcome) {
        var moves = new FigureMoves(mallId, at.getZone()).at(at, new Tally()
                .add("requests.total", 1)
                .add("requests.byChannel." + channel, 1)
                .add("requests.byKind." + kind, 1)
                .add("requests.byChannelKind." + channel + "." + kind, 1)
                .add("outcomes." + kind + "." + outcome, 1));
        return TrackedRequest.OPEN.equals(outcome)
                ? moves.open(new Tally().add("requests.open", 1).add("requests.byKind." + kind, 1))
                : moves;
    }

    /**
     * The request's end arrived before its registration (events out of order): the stored record only knows the
     * outcome. Completing it with the registration's facts (only while it lacks its month) records it counted.
     */
    private Mono<Void> completeEndedRequest(TrackedRequest registration) {
        var endedOnly = mine(registration.requestId(), registration.mallId())
                .addCriteria(Criteria.where("month").is(null));
        var facts = new Update().set("kind", registration.kind()).set("channel", registration.channel())
                .set("receivedAt", registration.receivedAt()).set("month", registration.month())
                .set("day", registration.day()).set("zone", registration.zone());
        return mongo.updateFirst(endedOnly, facts, TrackedRequest.class).then();
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
     * Only an open request ends, so a request's outcome moves once: the figures move first, then the stored request
     * (only while still open). A request survey has not seen registered yet (its end arrived first) is stored with its
     * outcome only; its registration counts it then.
     */
    private Mono<Void> end(IncomingEvent event, String requestId, String outcome) {
        if (requestId == null) {
            return Mono.empty();
        }
        return known(requestId).flatMap(stored -> {
            if (stored.isEmpty()) {
                return InsertOnce.into(mongo, new TrackedRequest(requestId, event.mallId(), null, null, null, null,
                        null, null, outcome, event.time())).then();
            }
            TrackedRequest was = stored.get();
            if (!event.mallId().equals(was.mallId()) || !TrackedRequest.OPEN.equals(was.outcome())) {
                return Mono.<Void>empty();
            }
            var moves = new FigureMoves(was.mallId(), ZoneId.of(was.zone()))
                    .in(was.month(), was.day(), new Tally()
                            .add("outcomes." + was.kind() + "." + TrackedRequest.OPEN, -1)
                            .add("outcomes." + was.kind() + "." + outcome, 1))
                    .open(new Tally().add("requests.open", -1).add("requests.byKind." + was.kind(), -1));
            var stillOpen = mine(requestId, was.mallId())
                    .addCriteria(Criteria.where("outcome").is(TrackedRequest.OPEN));
            return counters.count(event, moves, mongo.updateFirst(stillOpen,
                    new Update().set("outcome", outcome).set("endedAt", event.time()), TrackedRequest.class));
        });
    }

    private Mono<Optional<TrackedRequest>> known(String requestId) {
        return mongo.findById(requestId, TrackedRequest.class).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static Query mine(String requestId, String mallId) {
        return Query.query(Criteria.where("_id").is(requestId).and("mallId").is(mallId));
    }
}

package com.mallservicedesk.platform.store;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies the {@link CounterMove}s aggregates stored, for the outbox relay, in the order {@link IncrementsOnce} keeps:
 * each move's increments note the move on their counters and apply only once ({@link #apply}); the relay then removes
 * the moves from the aggregate under its lease; only if that removal was stored may the notes go ({@link #removed}).
 * A relay interrupted between the two leaves the moves in the aggregate, and whoever relays it next applies them again
 * to no effect.
 */
public final class CounterMoves {

    private final IncrementsOnce increments;

    public CounterMoves(IncrementsOnce increments) {
        this.increments = increments;
    }

    public Mono<Void> apply(List<CounterMove> moves) {
        return Flux.fromIterable(moves)
                .concatMap(move -> increments.add(move.moveId(), StateCounters.increments(move)))
                .then();
    }

    /** The moves' removal from their aggregate was stored. */
    public void removed(List<CounterMove> moves) {
        moves.forEach(move -> increments.settled(move.moveId(), StateCounters.increments(move)));
    }
}

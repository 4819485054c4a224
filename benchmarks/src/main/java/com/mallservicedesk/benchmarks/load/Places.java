package com.mallservicedesk.benchmarks.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Hands out places for new requests, spread evenly over a set of malls, their floors and zones. */
public final class Places {

    private final List<String> malls;
    private final AtomicLong sequence = new AtomicLong();

    public Places(List<String> malls) {
        this.malls = List.copyOf(malls);
    }

    public Place next() {
        return Place.of(sequence.getAndIncrement(), malls);
    }

    public List<String> malls() {
        return malls;
    }
}

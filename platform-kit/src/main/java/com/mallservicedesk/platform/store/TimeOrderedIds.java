package com.mallservicedesk.platform.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * New ids that sort by the time they were made: UUID version 7 (RFC 9562), the milliseconds since 1970 first, then 74
 * random bits. Written as usual ({@code 0197f3a2-…}), so the text sorts like the number.
 *
 * <p>Why: a store keeps documents in pages ordered by {@code _id}, and a commit rewrites every page it changed. Random
 * ids (version 4) put each new request, event and processed-event record on a page of its own among old ones, so
 * each insert rewrote a page of strangers, and so did the updates of a request's first minutes. Ids in time order put
 * them on the newest pages, which the writes of one commit share. MongoDB's own B-trees gain from it the same way.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static String next() {
        return at(System.currentTimeMillis()).toString();
    }

    /**
     * The lowest id made at {@code at} or later: every id {@link #next} made since sorts at or after it and every id made
     * before sorts before it, so "the documents made since" is a range of {@code _id}, which a store walks by key.
     */
    public static String lowestMadeAt(Instant at) {
        return lowestAt(at.toEpochMilli()).toString();
    }

    static UUID lowestAt(long epochMillis) {
        return new UUID((epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L, 0x8000_0000_0000_0000L);
    }

    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16          // 48 bits of time
                | 0x7000L                                           // version 7
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);  // 12 random bits
        long low = 0x8000_0000_0000_0000L                          // variant 10
                | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}

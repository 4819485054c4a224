package com.mallservicedesk.platform.store;

import java.time.Instant;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A mall's working set inside a collection that keeps growing (messages waiting to be accepted, callbacks to make): a
 * key field that an aggregate has only while it belongs to the set, in a sparse unique index. The key is
 * {@code <mall>|<time>|<id>}, so a mall's set is one range of that index, in time order, and a console that polls the
 * set reads the set only, however many records the collection holds (the local store walks unique indexes in order,
 * MongoDB any index). Mall ids never contain {@code |} ({@link com.mallservicedesk.platform.tenancy.MallIds}).
 */
public final class WorkingSetKey {

    private WorkingSetKey() {
    }

    /** The key of an aggregate in its mall's set, ordered by {@code at}. */
    public static String of(String mallId, Instant at, String id) {
        return mallId + "|" + TimeKeys.of(at == null ? Instant.EPOCH : at) + "|" + id;
    }

    /** The whole set of one mall, in key order ({@code }} is the character after {@code |}). */
    public static Query ofMall(String field, String mallId) {
        return Query.query(Criteria.where(field).gte(mallId + "|").lt(mallId + "}"));
    }
}

package com.mallservicedesk.platform.store;

import java.time.Instant;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * A mall's whole log, newest first (every request it received): a key field {@code <mall>|<time counted down>|<id>} in
 * a unique index, so the log's first pages, or the part received between two times, are one range of that index walked
 * forward, and a page reads its own records only. The local store walks unique indexes forward only (MongoDB any index
 * either way), hence the time counted down from the year 2286: the newest sorts first. A list reads it a
 * {@linkplain #page page} at a time. Mall ids never contain {@code |} ({@link com.mallservicedesk.platform.tenancy.MallIds}).
 */
public final class NewestFirstKey {

    /** The last millisecond {@link TimeKeys} can write in thirteen digits. */
    private static final long LATEST = 9_999_999_999_999L;

    private NewestFirstKey() {
    }

    /** The key of a record of the mall at {@code at}: a later time sorts before an earlier one, then by id. */
    public static String of(String mallId, Instant at, String id) {
        return mallId + "|" + countdown(at == null ? Instant.EPOCH : at) + "|" + id;
    }

    /**
     * The key of a record in one part of the mall's log, such as the requests in one status: each part is a range of
     * its own. Parts never contain {@code |} (they are enum names); a record that moves to another part changes its key.
     */
    public static String of(String mallId, String part, Instant at, String id) {
        return of(mallId + "|" + part, at, id);
    }

    /** The records of one part of the mall's log, as {@link #between(String, String, Instant, Instant)}. */
    public static Criteria between(String field, String mallId, String part, Instant from, Instant to) {
        return between(field, mallId + "|" + part, from, to);
    }

    /**
     * The mall's records at or after {@code from} and before {@code to} (either may be null: no bound), in key order:
     * newest first. Times compare at the millisecond, as the store keeps them.
     */
    public static Criteria between(String field, String mallId, Instant from, Instant to) {
        // }, the character after |, closes a time's keys whatever their ids.
        String first = to == null ? mallId + "|" : mallId + "|" + countdown(to) + "}";
        String end = from == null ? mallId + "}" : mallId + "|" + countdown(from) + "}";
        return to == null ? Criteria.where(field).gte(first).lt(end) : Criteria.where(field).gt(first).lt(end);
    }

    /**
     * A list's page of a range of the key {@code field}, in the key's order (newest first), with the range's length as
     * its total: the page reads its own records only.
     */
    public static <T> Mono<PageView<T>> page(ReactiveMongoTemplate mongo, Class<T> type, String field, Criteria range,
                                             ListQuery list) {
        var items = mongo.find(Query.query(range).with(Sort.by(field)).skip(list.offset()).limit(list.size()), type)
                .collectList();
        return Mono.zip(items, count(mongo, type, range)).map(found -> list.page(found.getT1(), found.getT2()));
    }

    /**
     * How many records a range of the key holds, by the {@code count} command: MongoDB counts the index range, the
     * local store its index's keys. Spring's {@code count} is {@code countDocuments}, an aggregation that the local
     * store answers by reading the whole collection.
     */
    private static Mono<Long> count(ReactiveMongoTemplate mongo, Class<?> type, Criteria range) {
        return mongo.executeCommand(new org.bson.Document("count", mongo.getCollectionName(type))
                        .append("query", range.getCriteriaObject()))
                .map(answer -> ((Number) answer.get("n")).longValue());
    }

    private static String countdown(Instant at) {
        return String.format("%013d", LATEST - Math.min(LATEST, Math.max(0, at.toEpochMilli())));
    }
}

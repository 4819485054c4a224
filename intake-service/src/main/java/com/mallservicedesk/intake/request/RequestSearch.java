package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.NewestFirstKey;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.SortFields;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds requests of one mall by status, kind, channel, department, date range and free text, paged.
 *
 * <p>The log newest first, whole or by status, goes by key: a range of the log's keys ({@link NewestFirstKey}), paged
 * in the index's order. Other filters query the mall's requests (on real MongoDB by its index; on the local store a
 * scan).
 *
 * <p>Free text goes by key, never by a pattern matched against every request: the embedded MongoDB-wire server reads
 * the whole collection for anything but {@code _id} and unique keys, and a regular expression cannot use an index on
 * real MongoDB either. The text's tokens are looked up in the keyed index ({@link RequestTextIndex}: Chinese as
 * character pairs, Latin letters and digits as words), the candidate requests are read by id, and the literal,
 * case-insensitive match on number, description, customer name and category decides, with the other filters, the
 * order and the page, over at most {@value TokenSearch#MAX_IDS} candidates. A Latin query finds words that start
 * with it ("pump" finds "pumps"), not text in the middle of a word; a request number is found whole, or by its day and
 * sequence ({@code 20261126-0071}, {@code 0071}).
 */
@Component
class RequestSearch {

    /** What the reception log sorts by; newest received first unless asked otherwise. */
    static final SortFields SORTS = SortFields.by("receivedAt", "registeredAt", "number", "status", "priority", "kind")
            .byDefault("receivedAt,desc");

    private static final Map<String, Function<ServiceRequest, Comparable<?>>> SORT_KEYS = Map.of(
            "receivedAt", ServiceRequest::getReceivedAt,
            "registeredAt", ServiceRequest::getRegisteredAt,
            "number", ServiceRequest::getNumber,
            "status", r -> r.getStatus() == null ? null : r.getStatus().name(),
            "priority", r -> r.getPriority() == null ? null : r.getPriority().name(),
            "kind", r -> r.getKind() == null ? null : r.getKind().name());

    /** The default order (ties by id, as every list's): the log key's own order. */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("_id"));

    record Filter(RequestStatus status, RequestKind kind, Channel channel, String department, Instant from, Instant to,
                  String text) {
    }

    private final ReactiveMongoTemplate mongo;
    private final RequestTextIndex index;
    private final RequestLogKeys logKeys;
    /** How long a text search waits for this instance's newest requests to reach the index. */
    private static final java.time.Duration SETTLE_AT_MOST = java.time.Duration.ofMillis(300);

    RequestSearch(ReactiveMongoTemplate mongo, RequestTextIndex index, RequestLogKeys logKeys) {
        this.mongo = mongo;
        this.index = index;
        this.logKeys = logKeys;
    }

    Mono<PageView<ServiceRequest>> find(String mallId, Filter filter, ListQuery list) {
        if (filter.text() != null && !filter.text().isBlank()) {
            return findByText(mallId, filter, list);
        }
        if (filter.status() == RequestStatus.PENDING_ACCEPTANCE) {
            return findWaitingForAcceptance(mallId, filter, list);
        }
        LogRange logRange = NEWEST_FIRST.equals(list.sort()) ? logRange(mallId, filter) : null;
        if (logRange != null) {
            // A page of the range, and the range's length counted in its index, however many requests every mall has.
            return NewestFirstKey.page(mongo, ServiceRequest.class, logRange.field(), logRange.range(), list);
        }
        Criteria criteria = Criteria.where("mallId").is(mallId);
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.kind() != null) {
            criteria = criteria.and("kind").is(filter.kind());
        }
        if (filter.channel() != null) {
            criteria = criteria.and("channel").is(filter.channel());
        }
        if (filter.department() != null) {
            criteria = criteria.and("department").is(filter.department());
        }
        if (filter.from() != null && filter.to() != null) {
            criteria = criteria.and("receivedAt").gte(filter.from()).lt(filter.to());
        } else if (filter.from() != null) {
            criteria = criteria.and("receivedAt").gte(filter.from());
        } else if (filter.to() != null) {
            criteria = criteria.and("receivedAt").lt(filter.to());
        }
        var count = mongo.count(Query.query(criteria), ServiceRequest.class);
        var items = mongo.find(Query.query(criteria).with(list.sort()).skip(list.offset()).limit(list.size()),
                ServiceRequest.class).collectList();
        return Mono.zip(items, count).map(t -> list.page(t.getT1(), t.getT2()));
    }

    /**
     * The range of a log key ({@link NewestFirstKey}) that holds exactly what the filter selects, newest first: the
     * whole log or one status's part of it, between two received times or not. Null when another filter is set, or
     * while the conversion at start has not given every stored request its keys (the log is then read by mall, as
     * before the keys).
     */
    private LogRange logRange(String mallId, Filter filter) {
        if (filter.kind() != null || filter.channel() != null || filter.department() != null || !logKeys.converted()) {
            return null;
        }
        if (filter.status() == null) {
            return new LogRange(ServiceRequest.LOG_KEY,
                    NewestFirstKey.between(ServiceRequest.LOG_KEY, mallId, filter.from(), filter.to()));
        }
        return new LogRange(ServiceRequest.STATUS_LOG_KEY, NewestFirstKey.between(ServiceRequest.STATUS_LOG_KEY, mallId,
                filter.status().name(), filter.from(), filter.to()));
    }

    /** A range of the key {@code field}, read in the key's order. */
    private record LogRange(String field, Criteria range) {
    }

    /**
     * The messages waiting for acceptance, which the front desk's console polls: the mall's acceptance queue (a range
     * of a unique index, as small as the messages waiting), filtered, ordered and paged here.
     */
    private Mono<PageView<ServiceRequest>> findWaitingForAcceptance(String mallId, Filter filter, ListQuery list) {
        return mongo.find(WorkingSetKey.ofMall(ServiceRequest.ACCEPTANCE_QUEUE, mallId), ServiceRequest.class)
                .filter(matches(filter))
                .collectSortedList(order(list.sort()))
                .map(list::slice);
    }

    /** Candidates from the index, read by id only, then filtered, ordered and paged here. */
    private Mono<PageView<ServiceRequest>> findByText(String mallId, Filter filter, ListQuery list) {
        String text = filter.text().trim().toLowerCase(Locale.ROOT);
        return index.settled(SETTLE_AT_MOST).then(index.candidates(mallId, text))
                .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<ServiceRequest>of())
                        : mongo.find(Query.query(Criteria.where("_id").in(ids)), ServiceRequest.class).collectList())
                .map(found -> list.slice(found.stream()
                        .filter(r -> mallId.equals(r.getMallId()))
                        .filter(matches(filter))
                        .filter(r -> containsText(r, text))
                        .sorted(order(list.sort()))
                        .toList()));
    }

    private static Predicate<ServiceRequest> matches(Filter f) {
        return r -> (f.status() == null || f.status() == r.getStatus())
                && (f.kind() == null || f.kind() == r.getKind())
                && (f.channel() == null || f.channel() == r.getChannel())
                && (f.department() == null || f.department().equals(r.getDepartment()))
                && (f.from() == null || (r.getReceivedAt() != null && !r.getReceivedAt().isBefore(f.from())))
                && (f.to() == null || (r.getReceivedAt() != null && r.getReceivedAt().isBefore(f.to())));
    }

    /** The literal match, as the log always searched: number, description, customer name, category. */
    private static boolean containsText(ServiceRequest r, String lowerCaseText) {
        for (String field : RequestTextIndex.textsOf(r)) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseText)) {
                return true;
            }
        }
        return false;
    }

    /** The list's sort over the loaded candidates, nulls first as MongoDB orders them, then by id for a stable page. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<ServiceRequest> order(Sort sort) {
        Comparator<ServiceRequest> order = (a, b) -> 0;
        for (Sort.Order o : sort) {
            Function<ServiceRequest, Comparable<?>> key = SORT_KEYS.get(o.getProperty());
            if (key == null) {
                continue;
            }
            Comparator<ServiceRequest> byKey = Comparator.comparing(r -> (Comparable) key.apply(r),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            order = order.thenComparing(o.isAscending() ? byKey : byKey.reversed());
        }
        return order.thenComparing(ServiceRequest::getId);
    }
}

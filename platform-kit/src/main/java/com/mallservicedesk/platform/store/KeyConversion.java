package com.mallservicedesk.platform.store;

import com.mallservicedesk.platform.outbox.OutboxCarrier;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import reactor.core.publisher.Mono;

/**
 * The conversion a new key needs (a working set's, a mall's directory's, {@link WorkingSetKey}): the aggregates stored
 * before the key existed get it, by a scan run {@linkplain #once once}. Safe to run again and on two instances at
 * once: each write is conditioned on the aggregate still belonging and still having no key, so it neither keys one
 * that left meanwhile nor overwrites a key its own save stored. A subclass only says which keys and set. Several keys
 * of the same aggregates are given in one scan.
 */
public abstract class KeyConversion<T extends OutboxCarrier> extends LayoutConversion {

    private final ReactiveMongoTemplate mongo;
    private final String name;
    private final Class<T> type;
    private final Map<String, Function<T, String>> keys;
    private final Supplier<Criteria> belongs;
    private final String convertedMessage;

    /**
     * @param name             the conversion's name in {@value LayoutConversion#DONE}
     * @param belongs          the stored aggregates that should have the key
     * @param key              the key's one derivation, the same the aggregate's save uses
     * @param convertedMessage what the log says once aggregates were keyed, with {@code {}} for their number
     */
    protected KeyConversion(ReactiveMongoTemplate mongo, String name, Class<T> type, String field,
                            Supplier<Criteria> belongs, Function<T, String> key, String convertedMessage) {
        this(mongo, name, type, Map.of(field, key), belongs, convertedMessage);
    }

    /** As above, for several keys (by field, each with its one derivation) given in one scan. */
    protected KeyConversion(ReactiveMongoTemplate mongo, String name, Class<T> type,
                            Map<String, Function<T, String>> keys, Supplier<Criteria> belongs,
                            String convertedMessage) {
        this.mongo = mongo;
        this.name = name;
        this.type = type;
        this.keys = keys;
        this.belongs = belongs;
        this.convertedMessage = convertedMessage;
    }

    /** Keys what is stored without its keys, unless a start before noted that it did; how many it keyed. */
    @Override
    public Mono<Long> convert() {
        return once(mongo, name, keyed(mongo, type, keys, belongs));
    }

    @Override
    protected String convertedMessage() {
        return convertedMessage;
    }
}

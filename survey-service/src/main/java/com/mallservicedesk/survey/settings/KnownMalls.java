package com.mallservicedesk.survey.settings;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The malls survey has figures for: one small document per mall, written when a mall's first period of figures
 * starts, so platform reports and gauges list the malls without scanning any figures.
 */
@Service
public class KnownMalls {

    static final String COLLECTION = "known_malls";

    private final ReactiveMongoTemplate mongo;

    KnownMalls(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> remember(String mallId) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(mallId)), new Update().setOnInsert("mallId", mallId),
                COLLECTION).then();
    }

    /** Every mall, in id order. */
    public Flux<String> all() {
        return mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")), Document.class, COLLECTION)
                .map(d -> d.getString("_id"));
    }

    /** A page of the malls, in id order. */
    public Flux<String> page(long skip, int limit) {
        return mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")).skip(skip).limit(limit),
                Document.class, COLLECTION).map(d -> d.getString("_id"));
    }

    public Mono<Long> count() {
        return mongo.count(new Query(), COLLECTION);
    }
}

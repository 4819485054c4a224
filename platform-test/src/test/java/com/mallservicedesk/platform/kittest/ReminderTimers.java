package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Counts how often each reminder fired: more than once would show a double fire. */
@Component
class ReminderTimers implements TimerHandler {

    static final String KIND = "kittest.reminder";
    static final String COLLECTION = "reminder_fires";

    private final ReactiveMongoTemplate mongo;

    ReminderTimers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(timer.id())), new Update().inc("count", 1).set("data", timer.data()),
                FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION).then();
    }

    @SuppressWarnings("unchecked")
    Mono<java.util.Map<String, String>> lastData(String timerId) {
        return mongo.findById(timerId, Document.class, COLLECTION).map(d -> (java.util.Map<String, String>) d.get("data"));
    }

    Mono<Integer> fires(String timerId) {
        return mongo.findById(timerId, Document.class, COLLECTION).map(d -> d.getInteger("count")).defaultIfEmpty(0);
    }
}

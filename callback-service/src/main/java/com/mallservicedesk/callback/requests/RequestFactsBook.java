package com.mallservicedesk.callback.requests;

import com.mallservicedesk.platform.events.IncomingEvent;
import com.mallservicedesk.platform.store.InsertOnce;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The facts of registered requests, written once per request and read by its id. */
@Service
public class RequestFactsBook {

    private final ReactiveMongoTemplate mongo;

    RequestFactsBook(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> record(IncomingEvent event, RegisteredRequest request) {
        if (request.requestId() == null) {
            return Mono.empty();
        }
        var customer = request.customer();
        return InsertOnce.into(mongo, new RequestFacts(request.requestId(), event.mallId(), request.channel(), request.kind(),
                customer == null ? null : customer.type(), customer == null ? null : customer.tenantId())).then();
    }

    /** The mall's facts of the request; empty if intake's event has not arrived (then nothing is assumed). */
    public Mono<RequestFacts> of(String mallId, String requestId) {
        if (requestId == null) {
            return Mono.empty();
        }
        return mongo.findOne(Query.query(Criteria.where("_id").is(requestId).and("mallId").is(mallId)), RequestFacts.class);
    }
}

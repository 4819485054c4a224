package com.mallservicedesk.dispatch.notification;

import com.mallservicedesk.platform.store.LayoutConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives the unacknowledged notifications stored before that list was read by key their {@value Notification#OPEN_KEY},
 * so the department console shows them. A scan of the notifications, run {@linkplain #once once}. Safe to run again
 * and on two instances at once: each write is conditioned on the notification being unacknowledged and having no key.
 */
@Component
class OpenNotificationKeys extends LayoutConversion {

    static final String NAME = "notification-open-keys";

    private final ReactiveMongoTemplate mongo;

    OpenNotificationKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected Mono<Long> convert() {
        return once(mongo, NAME, keyed(mongo, Notification.class, Notification.OPEN_KEY,
                () -> Criteria.where("acknowledged").is(false), Notification::placeInOpenSet));
    }

    @Override
    protected String convertedMessage() {
        return "Notifications: {} unacknowledged notifications stored before their list was read by key were given "
                + "their key";
    }
}

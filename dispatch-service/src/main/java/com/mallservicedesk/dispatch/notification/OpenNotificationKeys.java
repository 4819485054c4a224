package com.mallservicedesk.dispatch.notification;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the unacknowledged notifications stored before their list was read by key their {@value Notification#OPEN_KEY},
 * so the department console shows them.
 */
@Component
class OpenNotificationKeys extends KeyConversion<Notification> {

    static final String NAME = "notification-open-keys";

    OpenNotificationKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, Notification.class, Notification.OPEN_KEY, () -> Criteria.where("acknowledged").is(false),
                Notification::placeInOpenSet, "Notifications: {} unacknowledged notifications stored before their list "
                        + "was read by key were given their key");
    }
}

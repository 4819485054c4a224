package com.mallservicedesk.dispatch.notification;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Fires a notification's due time; idempotent, since the notification marks itself overdue once. */
@Component
class NotificationOverdueHandler implements TimerHandler {

    private final Notifications notifications;

    NotificationOverdueHandler(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String kind() {
        return Notification.OVERDUE_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return notifications.overdue(timer.mallId(), timer.subject());
    }
}

package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fires when a consultation's reply (seed 003) or a suggestion's evaluation (seed 003 §3) runs out of working days:
 * if it is still not done, the miss is recorded on the request, published and counted, once.
 */
@Component
class FollowUpTimers implements TimerHandler {

    private final AggregateStore<ServiceRequest> store;
    private final IntakeMetrics metrics;
    private final Clock clock;

    FollowUpTimers(AggregateStore<ServiceRequest> store, IntakeMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return ServiceRequest.FOLLOW_UP_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        FollowUpClock.Kind which = FollowUpClock.Kind.valueOf(timer.data("clock"));
        boolean[] missed = {false};
        return store.changeIfPresent(timer.mallId(), timer.subject(), request -> {
                    var events = request.markFollowUpMissed(which, clock.instant());
                    missed[0] = !events.isEmpty();
                    return events;
                })
                .doOnSuccess(request -> {
                    if (missed[0]) {
                        metrics.followUpMissed(request.getMallId(), which);
                    }
                })
                .then();
    }
}

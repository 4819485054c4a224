package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fires when an online message's acceptance limit (default 5 minutes, seed 001 §二.3) passes: if it is still
 * waiting, the breach is recorded, published and counted, whether or not anyone has the log open.
 */
@Component
class AcceptanceTimers implements TimerHandler {

    private final AggregateStore<ServiceRequest> store;
    private final IntakeMetrics metrics;
    private final Clock clock;

    AcceptanceTimers(AggregateStore<ServiceRequest> store, IntakeMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return ServiceRequest.ACCEPTANCE_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        boolean[] breached = {false};
        return store.changeIfPresent(timer.mallId(), timer.subject(), request -> {
                    var events = request.markAcceptanceOverdue(clock.instant());
                    breached[0] = !events.isEmpty();
                    return events;
                })
                .doOnSuccess(request -> {
                    if (breached[0]) {
                        metrics.acceptanceLimitBreached(request.getMallId(), request.getChannel());
                    }
                })
                .then();
    }
}

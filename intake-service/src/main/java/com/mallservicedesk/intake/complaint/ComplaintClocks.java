package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fires when a clock of a complaint register passes (seed 003 §2, seed 004 品質監控): if its step is still not done,
 * the miss is recorded on the register, published ({@code mall.intake.complaint.clock-missed.v1}) and counted, once,
 * whether or not anyone has the register open.
 */
@Component
class ComplaintClocks implements TimerHandler {

    private final AggregateStore<ComplaintRegister> store;
    private final ComplaintMetrics metrics;
    private final Clock clock;

    ComplaintClocks(AggregateStores stores, ComplaintMetrics metrics, Clock clock) {
        this.store = stores.of(ComplaintRegister.class, "complaint");
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return ComplaintRegister.TIMER_KIND;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        ComplaintClock which = ComplaintClock.valueOf(timer.data("clock"));
        boolean[] missed = {false};
        return store.changeIfPresent(timer.mallId(), timer.subject(), register -> {
                    var events = register.markMissed(which, clock.instant());
                    missed[0] = !events.isEmpty();
                    return events;
                })
                .doOnSuccess(register -> {
                    if (missed[0]) {
                        metrics.clockMissed(register.getMallId(), which);
                    }
                })
                .then();
    }
}

package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.sla.SlaRule;
import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fires service-level deadlines. The kit's poller claims each timer atomically (one instance fires it); if an
 * instance dies before marking it fired it runs again, which the work order absorbs: it records a breach once per
 * clock.
 */
@Component
class SlaTimerHandler implements TimerHandler {

    private final WorkOrders workOrders;

    SlaTimerHandler(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    @Override
    public String kind() {
        return SlaClocks.KIND;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return workOrders.breach(timer.mallId(), timer.subject(), SlaRule.valueOf(timer.data("rule")),
                timer.data("clock"), Instant.parse(timer.data("deadline")));
    }
}

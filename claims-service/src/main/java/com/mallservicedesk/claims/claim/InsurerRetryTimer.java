package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes the next attempt to deliver a claim's report to the insurer. Firing twice is harmless: the claim lets only the
 * attempt that is due run, once.
 */
@Component
class InsurerRetryTimer implements TimerHandler {

    private final InsurerReports reports;

    InsurerRetryTimer(InsurerReports reports) {
        this.reports = reports;
    }

    @Override
    public String kind() {
        return Claim.INSURER_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return reports.attempt(timer.mallId(), timer.subject(), Integer.parseInt(timer.data("round")),
                Integer.parseInt(timer.data("attempt")));
    }
}

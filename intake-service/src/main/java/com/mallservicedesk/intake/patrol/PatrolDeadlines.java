package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fires at a finding's deadline (seed 002 一.4(1) 限期整改): a finding still open is marked overdue, published and
 * counted once, however often the timer fires.
 */
@Component
class PatrolDeadlines implements TimerHandler {

    private final PatrolFindings findings;
    private final PatrolMetrics metrics;
    private final Clock clock;

    PatrolDeadlines(PatrolFindings findings, PatrolMetrics metrics, Clock clock) {
        this.findings = findings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return PatrolFinding.DEADLINE_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        boolean[] marked = {false};
        return findings.store().changeIfPresent(timer.mallId(), timer.subject(), finding -> {
                    var events = finding.markOverdue(clock.instant());
                    marked[0] = !events.isEmpty();
                    return events;
                })
                .doOnSuccess(finding -> {
                    if (marked[0] && finding != null) {
                        metrics.overdue(finding.getMallId());
                    }
                })
                .then();
    }
}

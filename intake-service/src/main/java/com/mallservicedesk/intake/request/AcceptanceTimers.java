package com.mallservicedesk.intake.request;

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

    static final String KIND = "intake.acceptance-limit";

    private final RequestStore store;
    private final IntakeMetrics metrics;
    private final Clock clock;

    AcceptanceTimers(RequestStore store, IntakeMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    static String timerId(String requestId) {
        return "acceptance:" + requestId;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        boolean[] breached = {false};
        return store.change(timer.mallId(), timer.subject(), request -> {
                    var events = request.markAcceptanceOverdue(clock.instant());
                    breached[0] = !events.isEmpty();
                    return events;
                })
                .doOnSuccess(request -> {
                    if (breached[0]) {
                        metrics.acceptanceLimitBreached(request.getMallId(), request.getChannel());
                    }
                })
                // The message was never stored (a crash right after scheduling): nothing is waiting.
                .onErrorResume(com.mallservicedesk.platform.problem.ApiException.class, missing -> Mono.empty())
                .then();
    }
}

package com.mallservicedesk.callback.proactive;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** At the desk's opening: the day's proactive callbacks are drawn, and the next day's draw is set. */
@Component
class DailySampleTimer implements TimerHandler {

    private final DailySampling sampling;

    DailySampleTimer(DailySampling sampling) {
        this.sampling = sampling;
    }

    @Override
    public String kind() {
        return TenantRoster.DRAW_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return sampling.drawAndPlanNext(timer.mallId(), LocalDate.parse(timer.data("date")));
    }
}

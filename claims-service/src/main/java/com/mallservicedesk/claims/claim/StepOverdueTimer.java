package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A checklist item's deadline passed. The claim records it once and only while the item is open, so a timer that fires
 * twice (an instance died before marking it fired) publishes one event and counts once.
 */
@Component
class StepOverdueTimer implements TimerHandler {

    private final Claims claims;

    StepOverdueTimer(Claims claims) {
        this.claims = claims;
    }

    @Override
    public String kind() {
        return Claim.STEP_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return claims.stepOverdue(timer.mallId(), timer.subject(), ChecklistItem.valueOf(timer.data("item")));
    }
}

package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A callback's due time passed (counted in desk working time when it was planned): it is overdue. */
@Component
class CallbackOverdueTimer implements TimerHandler {

    private final Callbacks callbacks;

    CallbackOverdueTimer(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public String kind() {
        return Callback.OVERDUE_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return callbacks.markOverdue(timer.mallId(), timer.subject());
    }
}

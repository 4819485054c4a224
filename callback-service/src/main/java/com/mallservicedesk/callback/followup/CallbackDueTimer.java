package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The desk's working day for a scheduled callback has come: it is due. */
@Component
class CallbackDueTimer implements TimerHandler {

    private final Callbacks callbacks;

    CallbackDueTimer(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public String kind() {
        return Callback.DUE_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return callbacks.becomeDue(timer.mallId(), timer.subject());
    }
}

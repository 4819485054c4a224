package com.mallservicedesk.intake.escalation;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Each try of an escalation message is a durable timer: it survives restarts and runs on one instance. */
@Component
class EscalationSendTimers implements TimerHandler {

    private final EscalationMessages messages;

    EscalationSendTimers(EscalationMessages messages) {
        this.messages = messages;
    }

    @Override
    public String kind() {
        return EscalationMessage.SEND_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return messages.attempt(timer.mallId(), timer.subject());
    }
}

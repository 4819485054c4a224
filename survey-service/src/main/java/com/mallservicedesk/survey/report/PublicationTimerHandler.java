package com.mallservicedesk.survey.report;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A period ended: publish its report. Firing twice publishes once (unchanged figures are not published again). */
@Component
class PublicationTimerHandler implements TimerHandler {

    private final Publications publications;

    PublicationTimerHandler(Publications publications) {
        this.publications = publications;
    }

    @Override
    public String kind() {
        return ReportPublication.TIMER_KIND;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return publications.fire(timer.mallId(), timer.subject());
    }
}

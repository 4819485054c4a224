package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.timer.Timer;
import com.mallservicedesk.platform.timer.TimerHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The survey's half-year ended: close it. A closed campaign changes nothing, so firing twice is harmless. */
@Component
class CloseTimerHandler implements TimerHandler {

    private final Campaigns campaigns;

    CloseTimerHandler(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String kind() {
        return SurveyCampaign.CLOSE_TIMER;
    }

    @Override
    public Mono<Void> fire(Timer timer) {
        return campaigns.closeAtPeriodEnd(timer.mallId(), timer.subject());
    }
}

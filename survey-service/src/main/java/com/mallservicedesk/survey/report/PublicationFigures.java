package com.mallservicedesk.survey.report;

import com.mallservicedesk.platform.events.DomainEvent;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/** Computes what a kind of report publication publishes for a mall and period. */
public interface PublicationFigures {

    /** MONTHLY, DAILY or WEEKLY. */
    String kind();

    Mono<Figures> figures(String mallId, String period);

    /**
     * @param fingerprint equal for equal figures, so an unchanged report is not published twice
     * @param event       the event for a revision number
     */
    record Figures(String fingerprint, IntFunction<DomainEvent> event) {
    }
}

package com.mallservicedesk.survey.reception;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import reactor.core.publisher.Mono;

/**
 * Told when a mall's figures of a new month or day begin (the first event counted in it), so reports of that period
 * can be planned without looking for periods.
 */
public interface PeriodWatcher {

    default Mono<Void> monthStarted(String mallId, YearMonth month, ZoneId zone) {
        return Mono.empty();
    }

    default Mono<Void> dayStarted(String mallId, LocalDate day, ZoneId zone) {
        return Mono.empty();
    }
}

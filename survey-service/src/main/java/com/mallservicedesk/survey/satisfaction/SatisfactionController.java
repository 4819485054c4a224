package com.mallservicedesk.survey.satisfaction;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/satisfaction")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class SatisfactionController {

    private final SatisfactionTally tally;
    private final Clock clock;
    private final ZoneId zone;

    SatisfactionController(SatisfactionTally tally, Clock clock, @Value("${survey.zone}") ZoneId zone) {
        this.tally = tally;
        this.clock = clock;
        this.zone = zone;
    }

    /** @param month {@code yyyy-MM}; defaults to the current month */
    @GetMapping
    Mono<MonthlySatisfaction> month(@PathVariable String mallId, @RequestParam(required = false) YearMonth month) {
        return tally.month(mallId, month == null ? YearMonth.now(clock.withZone(zone)) : month);
    }
}

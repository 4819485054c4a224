package com.mallservicedesk.callback.proactive;

import com.mallservicedesk.callback.policy.CallbackPolicies;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A supervisor draws a day's proactive callbacks now ({@code ?date=YYYY-MM-DD}, default today in the mall's time),
 * for example before the timer would at the desk's opening. Once per mall and day: asking again returns the same draw.
 */
@RestController
class DailySampleController {

    /** Far enough ahead to plan the days around a holiday. */
    private static final int LONGEST_AHEAD_DAYS = 31;

    private final DailySampling sampling;
    private final CallbackPolicies policies;
    private final Clock clock;

    DailySampleController(DailySampling sampling, CallbackPolicies policies, Clock clock) {
        this.sampling = sampling;
        this.policies = policies;
        this.clock = clock;
    }

    @PostMapping("/api/v1/malls/{mallId}/callbacks/daily-sample")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<DailySampleView> draw(@PathVariable String mallId, @RequestParam(required = false) String date, PlatformUser user) {
        return policies.of(mallId).flatMap(policy -> {
            LocalDate today = policy.dateOf(clock.instant());
            LocalDate day;
            try {
                day = date == null || date.isBlank() ? today : LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid-field",
                        Map.of("errors", List.of(Map.of("field", "date", "code", "invalid-value"))), "date"));
            }
            if (day.isBefore(today) || day.isAfter(today.plusDays(LONGEST_AHEAD_DAYS))) {
                return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "daily-sample-date-invalid",
                        Map.of("errors", List.of(Map.of("field", "date", "code", "daily-sample-date-invalid"))),
                        day, today, LONGEST_AHEAD_DAYS));
            }
            return sampling.draw(mallId, day, user.id());
        });
    }
}

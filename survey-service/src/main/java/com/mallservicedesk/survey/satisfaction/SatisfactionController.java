package com.mallservicedesk.survey.satisfaction;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.survey.settings.MallSettings;
import com.mallservicedesk.survey.period.Periods;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
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

    /** A department code as dispatch writes them. */
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private final SatisfactionTally tally;
    private final MallSettings settings;
    private final Clock clock;

    SatisfactionController(SatisfactionTally tally, MallSettings settings, Clock clock) {
        this.tally = tally;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param month      {@code yyyy-MM}; defaults to the current month in the mall's time zone
     * @param department one department's callbacks; the whole mall by default
     */
    @GetMapping
    Mono<MonthlySatisfaction> month(@PathVariable String mallId, @RequestParam(required = false) String month,
                                    @RequestParam(required = false) String department) {
        if (department != null && !DEPARTMENT.matcher(department).matches()) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid-field",
                    Map.of("errors", List.of(Map.of("field", "department", "code", "invalid-value"))), "department"));
        }
        Mono<YearMonth> which = month != null ? Mono.fromCallable(() -> Periods.month("month", month))
                : settings.zoneOf(mallId).map(zone -> YearMonth.from(clock.instant().atZone(zone)));
        return which.flatMap(m -> tally.month(mallId, m, department));
    }
}

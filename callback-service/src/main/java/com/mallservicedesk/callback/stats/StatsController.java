package com.mallservicedesk.callback.stats;

import com.mallservicedesk.callback.policy.CallbackPolicies;
import com.mallservicedesk.platform.problem.ApiException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The stored callback statistics: {@code ?month=YYYY-MM} (default: this month), or {@code ?from=YYYY-MM&to=YYYY-MM}
 * (at most 24 months), optionally {@code &department=CODE}. The front desk files them in its monthly report
 * (seed 000 §4.11); supervisors and managers follow the targets.
 */
@RestController
class StatsController {

    private static final int LONGEST_PERIOD_MONTHS = 24;

    private final CallbackStats stats;
    private final CallbackPolicies policies;
    private final Clock clock;

    StatsController(CallbackStats stats, CallbackPolicies policies, Clock clock) {
        this.stats = stats;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/api/v1/malls/{mallId}/callbacks/stats")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<StatsView> get(@PathVariable String mallId, @RequestParam(required = false) String month,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String department) {
        if (month != null && (from != null || to != null)) {
            return Mono.error(invalid("month", month));
        }
        if (department != null && !department.matches("[A-Za-z0-9_-]{1,40}")) {
            return Mono.error(invalid("department", department));
        }
        return policies.of(mallId).flatMap(policy -> {
            YearMonth current = YearMonth.from(clock.instant().atZone(policy.zone()));
            YearMonth first;
            YearMonth last;
            if (month != null) {
                first = last = parse("month", month);
            } else if (from != null || to != null) {
                first = from == null ? parse("to", to) : parse("from", from);
                last = to == null ? current : parse("to", to);
            } else {
                first = last = current;
            }
            if (first.isAfter(last) || first.plusMonths(LONGEST_PERIOD_MONTHS - 1).isBefore(last)) {
                return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "stats-period-invalid",
                        Map.of("errors", List.of(Map.of("field", "from", "code", "stats-period-invalid"))),
                        first, last, LONGEST_PERIOD_MONTHS));
            }
            return stats.figures(mallId, first, last, department);
        });
    }

    /** {@code YYYY-MM} within the months the platform keeps figures for (see {@link Months}). */
    private static YearMonth parse(String field, String value) {
        return Months.parse(field, value);
    }

    private static ApiException invalid(String field, String value) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-field",
                Map.of("errors", List.of(Map.of("field", field, "code", "invalid-value"))), field);
    }
}

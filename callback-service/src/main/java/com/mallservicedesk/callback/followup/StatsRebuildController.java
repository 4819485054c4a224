package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.problem.ApiException;
import java.time.YearMonth;
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

/** {@code POST …/callbacks/stats/rebuild?month=YYYY-MM}: a supervisor or manager has a month counted again. */
@RestController
class StatsRebuildController {

    private final StatsRebuild rebuild;

    StatsRebuildController(StatsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/v1/malls/{mallId}/callbacks/stats/rebuild")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<StatsRebuild.Rebuilt> rebuild(@PathVariable String mallId, @RequestParam String month) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "invalid-field",
                    Map.of("errors", List.of(Map.of("field", "month", "code", "invalid-value"))), "month"));
        }
        return rebuild.rebuild(mallId, parsed);
    }
}

package com.mallservicedesk.callback.followup;

import com.mallservicedesk.callback.stats.Months;
import java.time.YearMonth;
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
        // Only months that can have figures: a rebuild never stores figures under a month that cannot exist.
        YearMonth parsed = Months.parse("month", month);
        return rebuild.rebuild(mallId, parsed);
    }
}

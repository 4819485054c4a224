package com.mallservicedesk.claims.claim;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * How many of the mall's claims are in each stage, for the supervisors' dashboard: the stage counters read by key
 * (one small document per stage, see {@link ClaimStageCounts}), never a count of the claims. Same roles as the list.
 */
@RestController
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class StageCountsController {

    private final ClaimStageCounts counts;

    StageCountsController(ClaimStageCounts counts) {
        this.counts = counts;
    }

    @GetMapping("/api/v1/malls/{mallId}/claims/stage-counts")
    @Operation(summary = "How many of the mall's claims are in each stage",
            description = "{\"mallId\": \"M001\", \"stages\": {\"IMMEDIATE_ACTION\": 3, \"APPLICATION\": 1, "
                    + "\"HANDLING\": 0, \"ADJUSTER_ASSISTANCE\": 0, \"ARCHIVED\": 12}}: every stage of the flow, "
                    + "in its order, 0 where there are none. Read from the counters the service moves with every "
                    + "change of a claim, a few milliseconds behind the claims; for a dashboard, one call instead of "
                    + "one claims list per stage.")
    Mono<StageCounts> stageCounts(@PathVariable String mallId) {
        return counts.of(mallId).map(stages -> new StageCounts(mallId, stages));
    }
}

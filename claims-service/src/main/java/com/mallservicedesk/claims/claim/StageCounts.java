package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ClaimStage;
import java.util.Map;

/** How many of a mall's claims are in each stage: every stage, in the order of the flow, 0 where there are none. */
record StageCounts(String mallId, Map<ClaimStage, Long> stages) {
}

package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.policy.InsurancePolicy;
import com.mallservicedesk.claims.stage.ChecklistItem;
import java.time.Duration;

/** How long after its stage began each checklist item is due: the mall's policy, else the item's default. */
@FunctionalInterface
interface DueTimes {

    Duration of(ChecklistItem item);

    static DueTimes of(InsurancePolicy policy) {
        return item -> {
            Duration configured = policy.dueTimeOf(item.name());
            return configured != null ? configured : item.defaultDue();
        };
    }

    static DueTimes defaults() {
        return ChecklistItem::defaultDue;
    }
}

package com.mallservicedesk.dispatch.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The policy of a mall that has not set its own; the defaults come from the seeds (see {@link SlaPolicy}). */
@ConfigurationProperties("dispatch.sla")
record SlaDefaults(@DefaultValue("PT5M") Duration dispatchWithin, @DefaultValue("PT15M") Duration contactWithin,
                   @DefaultValue("true") boolean sameDayHandling, @DefaultValue("PT48H") Duration repairCompletionWithin,
                   @DefaultValue("3") int complaintInvestigationWorkingDays) {

    SlaPolicy policy() {
        return new SlaPolicy(dispatchWithin, contactWithin, sameDayHandling, repairCompletionWithin,
                complaintInvestigationWorkingDays);
    }
}

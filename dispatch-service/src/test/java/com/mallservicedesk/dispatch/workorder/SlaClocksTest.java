package com.mallservicedesk.dispatch.workorder;

import static com.mallservicedesk.dispatch.workorder.WorkOrderMother.aRepair;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.dispatch.sla.SlaPolicy;
import com.mallservicedesk.platform.events.PoisonEventException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaClocksTest {

    @Test
    void deadlinesThatCannotBeComputedAreAPoisonWithTheReasonNotARawArithmeticError() {
        var policy = new SlaPolicy(Duration.ofMinutes(5), Duration.ofMinutes(15), true, Duration.ofHours(48), 3);
        // No working time at all: the search for a deadline never ends (calendars are repaired before; this is the net).
        var never = new WorkingCalendar(ZoneId.of("Asia/Shanghai"), false, Map.of());
        assertThatThrownBy(() -> SlaClocks.deadlines(aRepair().opened(), policy, never))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("wo-req-1").hasMessageContaining("M001");
    }
}

package com.mallservicedesk.callback.proactive;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.callback.followup.ProactiveTarget;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DailySamplerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private static List<ProactiveTarget> tenants(int n) {
        return IntStream.range(0, n).mapToObj(i -> new ProactiveTarget("T" + (100 + i), "店" + i, "COUNTER", "1F", "A",
                "A-" + i)).toList();
    }

    @Test
    void theSameMallDayAndRosterAlwaysGiveTheSameTenantsWhateverTheirOrder() {
        List<ProactiveTarget> roster = tenants(40);
        List<ProactiveTarget> shuffled = new ArrayList<>(roster);
        Collections.reverse(shuffled);
        List<ProactiveTarget> first = DailySampler.pick(roster, "M001", DAY, 5);
        assertThat(first).hasSize(5).doesNotHaveDuplicates();
        assertThat(DailySampler.pick(shuffled, "M001", DAY, 5)).isEqualTo(first);
        // Fixed by the specification of java.util.Random: the same on every JVM.
        assertThat(DailySampler.seed("M001", DAY)).isEqualTo(DailySampler.seed("M001", LocalDate.parse("2026-11-25")));
    }

    @Test
    void otherDaysAndOtherMallsDrawOthers() {
        List<ProactiveTarget> roster = tenants(40);
        List<ProactiveTarget> today = DailySampler.pick(roster, "M001", DAY, 5);
        assertThat(DailySampler.pick(roster, "M001", DAY.plusDays(1), 5)).isNotEqualTo(today);
        assertThat(DailySampler.pick(roster, "M002", DAY, 5)).isNotEqualTo(today);
    }

    @Test
    void aSmallRosterIsCalledWholeAndZeroCallsNobody() {
        assertThat(DailySampler.pick(tenants(2), "M001", DAY, 5)).hasSize(2);
        assertThat(DailySampler.pick(tenants(10), "M001", DAY, 0)).isEmpty();
        assertThat(DailySampler.pick(List.of(), "M001", DAY, 3)).isEmpty();
    }
}

package com.mallservicedesk.callback.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aMallCallsBackOnTheDesksNextWorkingDayAndIsOverdueWhenThatDayEnds() {
        CallbackPolicy mall = CallbackPolicy.MALL;
        // Completed late at night (after midnight UTC offset matters): the next day is the mall's next local day.
        Instant completed = at(DAY, 23, 30);
        Instant callable = mall.callableFrom(completed);
        assertThat(callable).isEqualTo(at(DAY.plusDays(1), 10, 0));
        assertThat(mall.dueAt(callable)).isEqualTo(at(DAY.plusDays(1), 22, 0));
        assertThat(mall.targets()).isEqualTo(new Targets(0.95, 0.90));
        assertThat(mall.callsBack("REPAIR")).isTrue();
        assertThat(mall.callsBack("CONSULTATION")).isFalse();
    }

    @Test
    void aCampusCallsBackWithinTwentyFourHoursAndAimsForEveryCallback() {
        CallbackPolicy campus = CallbackPolicy.forTiming(CallbackTiming.WITHIN_24H);
        Instant completed = at(DAY, 15, 0);
        assertThat(campus.callableFrom(completed)).isEqualTo(completed);
        assertThat(campus.dueAt(completed)).isEqualTo(completed.plus(Duration.ofHours(24)));
        assertThat(campus.targets().callbackRate()).isEqualTo(1.0);
        assertThat(campus.desk().alwaysOpen()).isTrue();
    }

    @Test
    void anUpdateFillsWhatItLeavesOutWithItsTimingsDefaults() {
        var update = new PolicyUpdate(CallbackTiming.WITHIN_24H, null, null,
                List.of(PolicyUpdate.RequestKind.REPAIR), 2, 5, null);
        CallbackPolicy policy = update.policy();
        assertThat(policy.overdueAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.targets()).isEqualTo(Targets.CAMPUS);
        assertThat(policy.kinds()).containsExactly("REPAIR");
        assertThat(policy.maxUnreachableAttempts()).isEqualTo(2);
        assertThat(policy.dailySampleSize()).isEqualTo(5);
        // A mall desk open 9:00–21:00: next day's 12 hours.
        var desk = new DeskHours("Asia/Shanghai", false, "09:00", "21:00", List.of());
        CallbackPolicy nextDay = new PolicyUpdate(CallbackTiming.NEXT_DAY, null, null, null, null, null, desk).policy();
        assertThat(nextDay.dueAt(nextDay.callableFrom(at(DAY, 12, 0)))).isEqualTo(at(DAY.plusDays(1), 21, 0));
    }
}

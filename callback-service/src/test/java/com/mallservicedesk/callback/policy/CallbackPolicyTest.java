package com.mallservicedesk.callback.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallbackPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId URUMQI = ZoneId.of("Asia/Urumqi");
    /** A Wednesday. */
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
        return day.atTime(hour, minute).atZone(zone).toInstant();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return at(day, hour, minute, SHANGHAI);
    }

    @Test
    @DisplayName("seed 000 §4.4.4: a mall calls back the next day — callable from the desk's opening, due by the close of its next working day")
    void aMallCallsBackOnTheDesksNextWorkingDayAndIsOverdueWhenThatDayEnds() {
        CallbackPolicy mall = PolicyBuilder.mall().build();
        // Completed late at night: the next day is the mall's next local day, whatever UTC says.
        Instant completed = at(DAY, 23, 30);
        Instant callable = mall.callableFrom(completed);
        assertThat(callable).isEqualTo(at(DAY.plusDays(1), 9, 0));
        assertThat(mall.dueAfterWork(completed, callable)).isEqualTo(at(DAY.plusDays(1), 21, 0))
                .isEqualTo(mall.desk().addWorkingDays(completed, 1));
        assertThat(mall.targets()).isEqualTo(new Targets(0.95, 0.90));
        assertThat(mall.callsBack("REPAIR")).isTrue();
        assertThat(mall.callsBack("CONSULTATION")).isFalse();
    }

    @Test
    @DisplayName("seed 000 §4.4.4: 'the next day' is counted in the mall's own time zone and desk hours (contract C1)")
    void theNextDayIsTheMallsOwnDayInItsZone() {
        CallbackPolicy urumqi = PolicyBuilder.mall().in(URUMQI).build();
        // 23:30 Wednesday in Shanghai is 21:30 Wednesday in Urumqi: the next day there is Thursday too, but its
        // desk opens at 09:00 Urumqi time, two hours after Shanghai's.
        Instant completed = at(DAY, 23, 30);
        assertThat(urumqi.callableFrom(completed)).isEqualTo(at(DAY.plusDays(1), 9, 0, URUMQI));
        assertThat(urumqi.dueAfterWork(completed, null)).isEqualTo(at(DAY.plusDays(1), 21, 0, URUMQI));
        // 00:30 Thursday in Shanghai is still Wednesday in Urumqi: the callback is due Thursday, not Friday.
        Instant afterShanghaiMidnight = at(DAY.plusDays(1), 0, 30);
        assertThat(urumqi.dueAfterWork(afterShanghaiMidnight, null)).isEqualTo(at(DAY.plusDays(1), 21, 0, URUMQI));
        assertThat(PolicyBuilder.mall().build().dueAfterWork(afterShanghaiMidnight, null))
                .isEqualTo(at(DAY.plusDays(2), 21, 0));
    }

    @Test
    @DisplayName("seed 000 §4.4.4: a desk closed on the next day (holiday, closed weekday) calls back on its next working day; a make-up day counts")
    void holidaysAndClosedDaysPushTheCallbackToTheNextWorkingDay() {
        WorkingCalendar.OpeningHours nineToNine = new WorkingCalendar.OpeningHours(LocalTime.of(9, 0), LocalTime.of(21, 0));
        Map<DayOfWeek, WorkingCalendar.OpeningHours> weekdays = Map.of(DayOfWeek.MONDAY, nineToNine, DayOfWeek.TUESDAY,
                nineToNine, DayOfWeek.WEDNESDAY, nineToNine, DayOfWeek.THURSDAY, nineToNine, DayOfWeek.FRIDAY, nineToNine);
        // Thursday is a public holiday; Saturday a make-up working day (调休).
        var desk = new WorkingCalendar(SHANGHAI, false, weekdays, Set.of(DAY.plusDays(1)), Map.of(DAY.plusDays(3), nineToNine));
        CallbackPolicy policy = PolicyBuilder.mall().desk(desk).build();
        Instant wednesday = at(DAY, 15, 0);
        assertThat(policy.callableFrom(wednesday)).isEqualTo(at(DAY.plusDays(2), 9, 0));
        assertThat(policy.dueAfterWork(wednesday, null)).isEqualTo(at(DAY.plusDays(2), 21, 0));
        Instant friday = at(DAY.plusDays(2), 15, 0);
        assertThat(policy.dueAfterWork(friday, null)).isEqualTo(at(DAY.plusDays(3), 21, 0));
    }

    @Test
    @DisplayName("seed 001 §二.5: a campus calls back within 24 h of completion and aims for every callback")
    void aCampusCallsBackWithinTwentyFourHoursAndAimsForEveryCallback() {
        CallbackPolicy campus = PolicyBuilder.campus().build();
        Instant completed = at(DAY, 15, 0);
        assertThat(campus.timing()).isEqualTo(CallbackTiming.WITHIN_24H);
        assertThat(campus.callableFrom(completed)).isEqualTo(completed);
        assertThat(campus.dueAfterWork(completed, completed)).isEqualTo(completed.plus(Duration.ofHours(24)));
        assertThat(campus.targets().callbackRate()).isEqualTo(1.0);
        assertThat(campus.desk().alwaysOpen()).isTrue();
    }

    @Test
    @DisplayName("seed 003 §2: the supervisor takes over after 2 unsatisfied callbacks unless the mall sets another number")
    void theSupervisorsThresholdDefaultsToTwo() {
        assertThat(PolicyBuilder.mall().build().supervisorAfterUnsatisfied()).isEqualTo(2);
        assertThat(PolicyBuilder.mall().supervisorAfter(3).build().supervisorAfterUnsatisfied()).isEqualTo(3);
    }

    @Test
    @DisplayName("seed 000 §4.4.4, seed 001 §二.5: an update fills what it leaves out with its timing's defaults")
    void anUpdateFillsWhatItLeavesOutWithItsTimingsDefaults() {
        WorkingCalendar desk = WorkingCalendar.aroundTheClock(SHANGHAI);
        var update = new PolicyUpdate(CallbackTiming.WITHIN_24H, null, null,
                List.of(PolicyUpdate.RequestKind.REPAIR), 2, 5, null, null);
        CallbackPolicy policy = update.policy(desk);
        assertThat(policy.overdueAfter()).isNull();
        assertThat(policy.targets()).isEqualTo(Targets.CAMPUS);
        assertThat(policy.kinds()).containsExactly("REPAIR");
        assertThat(policy.maxUnreachableAttempts()).isEqualTo(2);
        assertThat(policy.dailySampleSize()).isEqualTo(5);
        assertThat(policy.supervisorAfterUnsatisfied()).isEqualTo(2);
        // A mall that sets its own overdue limit counts that much desk time from when the callback is due.
        CallbackPolicy limited = new PolicyUpdate(CallbackTiming.NEXT_DAY, Duration.ofHours(3), null, null, null, null, 4, null)
                .policy(WorkingCalendar.mallDeskHours(SHANGHAI));
        Instant callable = limited.callableFrom(at(DAY, 12, 0));
        assertThat(limited.dueAfterWork(at(DAY, 12, 0), callable)).isEqualTo(at(DAY.plusDays(1), 12, 0));
        assertThat(limited.supervisorAfterUnsatisfied()).isEqualTo(4);
    }
}

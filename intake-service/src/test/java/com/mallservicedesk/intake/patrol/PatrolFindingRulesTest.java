package com.mallservicedesk.intake.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The patrol finding's own rules (seed 002 一.3(4), 一.4(1)), without Spring, a broker or a store. */
class PatrolFindingRulesTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    /** A test-data builder: a finding with sensible defaults, each changeable. */
    static final class AFinding {
        Instant deadline = T0.plus(Duration.ofDays(3));
        String department = "CLEANING";

        AFinding dueIn(Duration d) {
            deadline = T0.plus(d);
            return this;
        }

        AFinding forDepartment(String code) {
            department = code;
            return this;
        }

        RecordFinding body() {
            return new RecordFinding(new Place("B1", "C", "東側樓梯"), "樓梯間堆放紙箱,堵塞消防通道",
                    new Responsible("張班長", department), deadline);
        }

        PatrolFinding recorded() {
            return PatrolFinding.record("pf-1", "M001", body(), "supervisor-1", T0).aggregate();
        }
    }

    static AFinding aFinding() {
        return new AFinding();
    }

    @Test
    @DisplayName("seed 002 一.3(4): a finding names a responsible person and a completion time, and its deadline is a durable timer")
    void aFindingCarriesItsDeadlineAsATimerInTheSameWrite() {
        var created = PatrolFinding.record("pf-1", "M001", aFinding().body(), "supervisor-1", T0);

        assertThat(created.aggregate().getStatus()).isEqualTo(FindingStatus.OPEN);
        assertThat(created.events()).singleElement().isInstanceOf(PatrolFindingEvents.Recorded.class);
        assertThat(created.aggregate().getTimerOutbox()).singleElement().satisfies(timer -> {
            assertThat(timer.timerId()).isEqualTo("patrol-deadline:pf-1");
            assertThat(timer.dueAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        });
    }

    @Test
    @DisplayName("seed 002 一.4(1) 限期整改: the deadline is in the future and at most 90 days ahead")
    void theDeadlineIsAheadAndBounded() {
        assertThatThrownBy(() -> aFinding().dueIn(Duration.ZERO).recorded()).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).properties().toString()).contains("deadline", "not-in-future"));
        assertThatThrownBy(() -> aFinding().dueIn(Duration.ofDays(91)).recorded()).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).properties().toString()).contains("deadline", "too-far"));
        assertThat(aFinding().dueIn(Duration.ofDays(90)).recorded().getDeadline()).isEqualTo(T0.plus(Duration.ofDays(90)));
    }

    @Test
    @DisplayName("seed 002 一.4(1): a finding still open at its deadline is overdue once, however often the timer fires")
    void overdueOnceAndNeverAfterRectification() {
        PatrolFinding open = aFinding().recorded();
        assertThat(open.markOverdue(T0.plus(Duration.ofDays(3)))).singleElement()
                .isInstanceOf(PatrolFindingEvents.Overdue.class);
        assertThat(open.markOverdue(T0.plus(Duration.ofDays(4)))).isEmpty();
        assertThat(open.getStatus()).isEqualTo(FindingStatus.OVERDUE);

        PatrolFinding fixed = aFinding().recorded();
        fixed.rectify("已清理", "dept-1", T0.plusSeconds(60));
        assertThat(fixed.markOverdue(T0.plus(Duration.ofDays(3)))).isEmpty();
        assertThat(fixed.getStatus()).isEqualTo(FindingStatus.RECTIFIED);
    }

    @Test
    @DisplayName("seed 002 一.3(4) 有檢查結果及記錄: rectifying closes the finding, stops its timer, says whether it was late")
    void rectifyingStopsTheClockAndRecordsLateness() {
        PatrolFinding late = aFinding().recorded();
        late.getTimerOutbox().clear();
        late.markOverdue(T0.plus(Duration.ofDays(3)));

        var events = late.rectify("紙箱已清走,通道暢通", "dept-1", T0.plus(Duration.ofDays(4)));

        assertThat(events).singleElement().isInstanceOfSatisfying(PatrolFindingEvents.Rectified.class,
                r -> assertThat(r.late()).isTrue());
        assertThat(late.getTimerOutbox()).extracting(PendingTimer::cancels).containsExactly(true);
        assertThatThrownBy(() -> late.rectify("again", "dept-1", T0.plus(Duration.ofDays(5))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("patrol-finding-illegal-transition");
                });
        assertThatThrownBy(() -> late.noteProgress("more", "dept-1", "CLEANING", T0.plus(Duration.ofDays(5))))
                .isInstanceOf(ApiException.class);
    }

    @Test
    @DisplayName("seed 002 一.4(1) 在《工作日誌》中記錄: progress notes are kept, at most 50 per finding (422 beyond)")
    void progressNotesAreBounded() {
        PatrolFinding finding = aFinding().recorded();
        for (int i = 0; i < PatrolFinding.MAX_NOTES; i++) {
            finding.noteProgress("步驟 " + i, "dept-1", "CLEANING", T0.plusSeconds(i));
        }
        assertThat(finding.getProgress()).hasSize(50);
        assertThatThrownBy(() -> finding.noteProgress("one more", "dept-1", "CLEANING", T0.plusSeconds(99)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(422));
    }
}

package com.mallservicedesk.dispatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.dispatch.notification.NotificationEvents.Reason;
import com.mallservicedesk.dispatch.notification.NotificationEvents.SubjectType;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A department notification's own rules, without Spring (seed 004 信息治理, seed 000 §4.10). */
class NotificationRulesTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    /** Test-data builder: a complaint told to one department, due a day later. */
    static final class ANotification {
        private SubjectType type = SubjectType.REQUEST;
        private String subject = "req-1";
        private String department = "SECURITY";
        private Reason reason = Reason.COMPLAINT;
        private String summary = "[M001-20261123-0001] 保安態度差";

        static ANotification aComplaintNotice() {
            return new ANotification();
        }

        ANotification forOutage(String noticeId) {
            type = SubjectType.NOTICE;
            subject = noticeId;
            reason = Reason.OUTAGE_NOTICE;
            return this;
        }

        ANotification to(String department) {
            this.department = department;
            return this;
        }

        ANotification saying(String summary) {
            this.summary = summary;
            return this;
        }

        Notification sent() {
            return Notification.send("M001", type, subject, type == SubjectType.REQUEST ? "M001-20261123-0001" : null,
                    department, reason, summary, T0.plus(Duration.ofDays(1)), T0).aggregate();
        }
    }

    @Test
    @DisplayName("seed 004 信息治理: one notification per subject and department, with an id derived from both, and its due-time timer in the same write")
    void aNotificationHasADeterministicIdAndSchedulesItsDueTime() {
        Notification n = ANotification.aComplaintNotice().sent();
        assertThat(n.getId()).isEqualTo("ntf-req-req-1-SECURITY");
        assertThat(ANotification.aComplaintNotice().forOutage("ntc-9").to("CLEANING").sent().getId())
                .isEqualTo("ntf-notice-ntc-9-CLEANING");
        assertThat(n.getTimerOutbox()).singleElement().satisfies(t -> {
            assertThat(t.timerId()).isEqualTo("notification-overdue:" + n.getId());
            assertThat(t.dueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        });
    }

    @Test
    @DisplayName("seed 004 信息治理: acknowledging stops the due-time clock; a second acknowledgement or a late timer changes nothing")
    void acknowledgingStopsTheClockOnce() {
        Notification n = ANotification.aComplaintNotice().sent();
        n.getTimerOutbox().clear();
        assertThat(n.acknowledge("staff-1", T0.plusSeconds(60))).singleElement()
                .isInstanceOf(NotificationEvents.Acknowledged.class);
        assertThat(n.getTimerOutbox()).singleElement().extracting(PendingTimer::cancels).isEqualTo(true);
        assertThat(n.acknowledge("staff-2", T0.plusSeconds(120))).isEmpty();
        assertThat(n.getAcknowledgedBy()).isEqualTo("staff-1");
        assertThat(n.markOverdue(T0.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(n.isOverdue()).isFalse();
    }

    @Test
    @DisplayName("seed 004 信息治理: not acknowledged within one working day is overdue, once")
    void anUnacknowledgedNotificationBecomesOverdueOnce() {
        Notification n = ANotification.aComplaintNotice().sent();
        assertThat(n.markOverdue(T0.plus(Duration.ofDays(1)))).singleElement().isInstanceOf(NotificationEvents.Overdue.class);
        assertThat(n.markOverdue(T0.plus(Duration.ofDays(1)).plusSeconds(1))).isEmpty();
        assertThat(n.isOverdue()).isTrue();
    }

    @Test
    @DisplayName("a long summary is cut to 200 characters, whole characters only")
    void theSummaryIsBounded() {
        Notification n = ANotification.aComplaintNotice().saying("停".repeat(300)).sent();
        assertThat(n.getSummary()).hasSize(201).endsWith("…");
    }

    @Test
    @DisplayName("an unacknowledged notification has its place in the mall's set by due time, overdue or not; acknowledged, it leaves")
    void anUnacknowledgedNotificationIsInItsMallsSetUntilAcknowledged() {
        Notification n = ANotification.aComplaintNotice().sent().keepPlaceInOpenSet();
        String place = WorkingSetKey.of("M001", T0.plus(Duration.ofDays(1)), n.getId());

        assertThat(n.openKey()).isEqualTo(place).isEqualTo(n.placeInOpenSet()).startsWith("M001|");
        n.markOverdue(T0.plus(Duration.ofDays(2)));
        assertThat(n.keepPlaceInOpenSet().openKey()).isEqualTo(place);
        n.acknowledge("staff-1", T0.plus(Duration.ofDays(2)).plusSeconds(60));
        assertThat(n.keepPlaceInOpenSet().openKey()).isNull();
        assertThat(n.placeInOpenSet()).isNull();
    }

    @Test
    @DisplayName("the unacknowledged list's order in memory: by due time, then by id as the store compares text")
    void theUnacknowledgedAreOrderedByDueTimeThenId() {
        Notification later = ANotification.aComplaintNotice().to("SECURITY").sent();
        Notification b = ANotification.aComplaintNotice().forOutage("ntc-b").sent();
        Notification a = ANotification.aComplaintNotice().forOutage("ntc-a").sent();
        Notification earlier = Notification.send("M001", SubjectType.REQUEST, "req-0", "M001-20261123-0000", "SECURITY",
                Reason.COMPLAINT, "早", T0.plusSeconds(3600), T0).aggregate();

        assertThat(Stream.of(later, b, a, earlier).sorted(Notifications.BY_DUE_TIME))
                .extracting(Notification::getId)
                .containsExactly(earlier.getId(), a.getId(), b.getId(), later.getId());
    }
}

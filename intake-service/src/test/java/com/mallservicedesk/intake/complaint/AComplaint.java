package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.intake.complaint.ComplaintRegister.Limits;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Test data: the register of a complaint received on a Monday at 10:00 in Shanghai, with the seeds' defaults (30
 * minutes to the supervisor, 3 working days to investigate, 5 to answer) in a mall's 09:00–21:00 desk hours.
 */
final class AComplaint {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY_10 = Instant.parse("2026-11-23T02:00:00Z");
    static final Limits MALL_DEFAULTS = new Limits(WorkingCalendar.mallDeskHours(SHANGHAI), Duration.ofMinutes(30), 3, 5);

    private Instant receivedAt = MONDAY_10;
    private Limits limits = MALL_DEFAULTS;
    private boolean handedOver;
    private boolean investigated;
    private boolean reviewed;
    private boolean answered;

    static AComplaint aComplaint() {
        return new AComplaint();
    }

    AComplaint receivedAt(Instant at) {
        this.receivedAt = at;
        return this;
    }

    AComplaint within(Limits limits) {
        this.limits = limits;
        return this;
    }

    AComplaint handedOver() {
        this.handedOver = true;
        return this;
    }

    AComplaint investigated() {
        handedOver();
        this.investigated = true;
        return this;
    }

    AComplaint reviewed() {
        investigated();
        this.reviewed = true;
        return this;
    }

    AComplaint answered() {
        reviewed();
        this.answered = true;
        return this;
    }

    /** Each step ten minutes after the previous one, all in time. */
    ComplaintRegister build() {
        var register = ComplaintRegister.open("req-1", "M001", "M001-20261123-0001", receivedAt, limits, receivedAt)
                .aggregate();
        Instant at = receivedAt;
        if (handedOver) {
            register.handOver("alice", "轉客服主管", limits, at = at.plusSeconds(600));
        }
        if (investigated) {
            register.recordInvestigation("sam", "收費員態度確有問題,已教育", "PARKING", at = at.plusSeconds(600));
        }
        if (reviewed) {
            register.review("sam", "同意處理意見", at = at.plusSeconds(600));
        }
        if (answered) {
            register.recordFeedback("alice", "已致電顧客致歉", true, at.plusSeconds(600));
        }
        register.getTimerOutbox().clear();
        return register;
    }
}

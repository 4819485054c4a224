package com.mallservicedesk.callback.followup;

import com.mallservicedesk.callback.policy.CallbackPolicy;
import com.mallservicedesk.callback.policy.PolicyBuilder;
import com.mallservicedesk.callback.requests.RequestFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Callbacks in the states the rules start from, without a database. */
final class CallbackMother {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    static final Instant COMPLETED = DAY.atTime(15, 0).atZone(SHANGHAI).toInstant();
    static final CompletedWorkOrder.Contact CUSTOMER = new CompletedWorkOrder.Contact("陳先生", "13900000000");

    private CallbackMother() {
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }

    static CompletedWorkOrder work(String kind, int round, CompletedWorkOrder.Contact customer) {
        return new CompletedWorkOrder("wo-R1", "R1", "M001-20261125-0001", kind, "ENGINEERING", "換閥芯", COMPLETED,
                customer, List.of(), round);
    }

    static Callback repair() {
        return forWork(work("REPAIR", 1, CUSTOMER), null, null);
    }

    static Callback complaint() {
        return forWork(work("COMPLAINT", 1, CUSTOMER), null, null);
    }

    static Callback forWork(CompletedWorkOrder work, RequestFacts facts, Callback previous) {
        return forWork(work, facts, previous, PolicyBuilder.mall().build());
    }

    static Callback forWork(CompletedWorkOrder work, RequestFacts facts, Callback previous, CallbackPolicy policy) {
        return Callback.forWork(Callback.idFor(work, "event-1"), "M001", work, policy, facts, previous,
                COMPLETED.plusSeconds(5)).aggregate();
    }

    static CallbackResult repairAnswers(Rating timeliness, Rating attitude, Rating quality) {
        return new CallbackResult(CallbackMethod.PHONE, timeliness, attitude, quality, null, null, null, null);
    }

    static RecordAttempt unreachable(Instant at) {
        return new RecordAttempt(CallbackMethod.PHONE, AttemptOutcome.UNREACHABLE, "無人接聽", at);
    }
}

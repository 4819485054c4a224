package com.mallservicedesk.callback.followup;

import static com.mallservicedesk.callback.followup.CallbackMother.COMPLETED;
import static com.mallservicedesk.callback.followup.CallbackMother.CUSTOMER;
import static com.mallservicedesk.callback.followup.CallbackMother.repairAnswers;
import static com.mallservicedesk.callback.followup.CallbackMother.work;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.callback.requests.RequestFacts;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.web.InMemoryOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/** A callback's place in its mall's open queue, and the orders the queue gives in memory, without a database. */
class QueueKeyTest {

    private static final Instant LATER = COMPLETED.plus(Duration.ofHours(1));

    @Test
    void anOpenCallbackHasItsPlaceInTheMallsQueueByDueTime() {
        Callback scheduled = CallbackMother.repair().keepPlaceInQueue();
        Callback nobodyToCall = CallbackMother.forWork(work("REPAIR", 1, new CompletedWorkOrder.Contact("某顧客", null)),
                null, null).keepPlaceInQueue();

        assertThat(scheduled.getStatus()).isEqualTo(CallbackStatus.SCHEDULED);
        assertThat(scheduled.queueKey()).isEqualTo(WorkingSetKey.of("M001", scheduled.getDueAt(), scheduled.getId()));
        assertThat(nobodyToCall.getStatus()).isEqualTo(CallbackStatus.NO_CONTACT);
        assertThat(nobodyToCall.queueKey()).isEqualTo(WorkingSetKey.of("M001", nobodyToCall.getDueAt(), nobodyToCall.getId()));
        // Due and overdue keep their place: the key goes by the due time, which they do not change.
        scheduled.becomeDue();
        scheduled.markOverdue(scheduled.getDueAt().plusSeconds(1));
        assertThat(scheduled.keepPlaceInQueue().queueKey()).isEqualTo(scheduled.placeInQueue()).isNotNull();
    }

    @Test
    void aCallbackLeavesTheQueueWhenItCloses() {
        Callback answered = CallbackMother.repair().keepPlaceInQueue();
        answered.record(repairAnswers(Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED), "desk", LATER);
        Callback refused = CallbackMother.repair().keepPlaceInQueue();
        refused.attempt(new RecordAttempt(CallbackMethod.PHONE, AttemptOutcome.REFUSED, null, LATER), "desk", LATER);

        assertThat(answered.getStatus()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(answered.keepPlaceInQueue().queueKey()).isNull();
        assertThat(refused.getStatus()).isEqualTo(CallbackStatus.REFUSED);
        assertThat(refused.keepPlaceInQueue().queueKey()).isNull();
    }

    @Test
    void anExemptCallbackIsNeverInTheQueue() {
        var internal = new RequestFacts("R1", "M001", "PHONE", "REPAIR", "INTERNAL", null);
        Callback exempt = CallbackMother.forWork(work("REPAIR", 1, CUSTOMER), internal, null).keepPlaceInQueue();

        assertThat(exempt.getStatus()).isEqualTo(CallbackStatus.EXEMPT);
        assertThat(exempt.queueKey()).isNull();
    }

    @Test
    void everyOrderTheQueueOffersCanBeGivenInMemoryBothWays() {
        for (String field : List.of("dueAt", "createdAt")) {
            for (Sort.Direction direction : Sort.Direction.values()) {
                assertThat(InMemoryOrder.of(Sort.by(direction, field).and(Sort.by("_id")), CallbackQueue.ORDERS))
                        .as(field).isPresent();
            }
        }
    }
}

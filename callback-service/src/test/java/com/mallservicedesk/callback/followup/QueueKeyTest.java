package com.mallservicedesk.callback.followup;

import static com.mallservicedesk.callback.followup.CallbackMother.COMPLETED;
import static com.mallservicedesk.callback.followup.CallbackMother.CUSTOMER;
import static com.mallservicedesk.callback.followup.CallbackMother.repairAnswers;
import static com.mallservicedesk.callback.followup.CallbackMother.work;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.callback.requests.RequestFacts;
import com.mallservicedesk.platform.store.WorkingSetKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/** A callback's place in its mall's open queue, and the queue's order in memory, without a database. */
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

    private record Row(String id, Instant at) {
    }

    private static final Map<String, Comparator<Row>> FIELDS = Map.of(
            "at", Comparator.comparing(Row::at, Comparator.nullsFirst(Comparator.naturalOrder())),
            "_id", Comparator.comparing(Row::id));

    private static List<String> sorted(Sort sort, Row... rows) {
        Comparator<Row> order = CallbackQueue.inOrder(sort, FIELDS).orElseThrow();
        return Stream.of(rows).sorted(order).map(Row::id).toList();
    }

    @Test
    void theQueueOrdersInMemoryAsMongoDbSortsAMissingValueFirstAscendingLastDescendingTiesById() {
        Row none = new Row("n", null);
        Row early = new Row("e", COMPLETED);
        Row lateB = new Row("b", LATER);
        Row lateA = new Row("a", LATER);

        assertThat(sorted(Sort.by("at").and(Sort.by("_id")), lateB, none, lateA, early)).containsExactly("n", "e", "a", "b");
        assertThat(sorted(Sort.by(Sort.Direction.DESC, "at").and(Sort.by("_id")), lateB, none, lateA, early))
                .containsExactly("a", "b", "e", "n");
    }

    @Test
    void anOrderTheQueueCannotGiveInMemoryIsLeftToTheStore() {
        assertThat(CallbackQueue.inOrder(Sort.unsorted(), FIELDS)).isEmpty();
        assertThat(CallbackQueue.inOrder(Sort.by("phone"), FIELDS)).isEmpty();
        assertThat(CallbackQueue.inOrder(Sort.by(Sort.Order.asc("at").ignoreCase()), FIELDS)).isEmpty();
    }
}

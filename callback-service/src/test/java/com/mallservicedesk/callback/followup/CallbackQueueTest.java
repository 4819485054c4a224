package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The queue of open callbacks is read as the mall's open set (each open callback's key, gone once it closes) and
 * answers as the query of the mall's callbacks did: the same items, order, total and headers.
 */
class CallbackQueueTest extends CallbackIntegrationTest {

    private static final String OPEN = "SCHEDULED,DUE,OVERDUE,NO_CONTACT";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    CallbackQueueKeys queueKeys;

    private final String mall = newMall();
    private final String otherMall = newMall();

    @Test
    void theQueueShowsTheMallsOpenCallbacksByDueTimeOrCreationFilteredAndPagedAndDropsThemOnceClosed() {
        Instant now = clock.instant();
        String overdueRepair = work(mall, "REPAIR", now.minus(Duration.ofDays(6)));
        String overdueComplaint = work(mall, "COMPLAINT", now.minus(Duration.ofDays(5)));
        String nobodyToCall = UUID.randomUUID().toString();
        completeWork(mall, nobodyToCall, "REPAIR", 1, now.minus(Duration.ofDays(3)), null, "ENGINEERING");
        String scheduledRepair = work(mall, "REPAIR", now.minus(Duration.ofMinutes(1)));
        String scheduledComplaint = work(mall, "COMPLAINT", now);
        String answered = work(mall, "REPAIR", now);
        String exempt = work(mall, "CONSULTATION", now);
        String elsewhere = work(otherMall, "REPAIR", now.minus(Duration.ofDays(6)));
        String elsewhereScheduled = work(otherMall, "REPAIR", now);

        awaitStatus(mall, overdueRepair, "OVERDUE");
        awaitStatus(mall, overdueComplaint, "OVERDUE");
        awaitStatus(mall, nobodyToCall, "NO_CONTACT");
        awaitStatus(mall, scheduledRepair, "SCHEDULED");
        awaitStatus(mall, scheduledComplaint, "SCHEDULED");
        awaitStatus(mall, answered, "SCHEDULED");
        awaitStatus(mall, exempt, "EXEMPT");
        awaitStatus(otherMall, elsewhere, "OVERDUE");
        awaitStatus(otherMall, elsewhereScheduled, "SCHEDULED");

        // An open callback carries its place in the mall's set; one that closes loses it with the write that closes it.
        assertThat(stored(callbackIdFor(answered, 1))).containsEntry(Callback.QUEUE_KEY, WorkingSetKey.of(mall,
                Instant.parse((String) callback(mall, callbackIdFor(answered, 1)).get("dueAt")), callbackIdFor(answered, 1)));
        answer(mall, callbackIdFor(answered, 1), repairAnswers("SATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isOk();
        assertThat(stored(callbackIdFor(answered, 1))).containsEntry("status", "COMPLETED").doesNotContainKey(Callback.QUEUE_KEY);
        assertThat(stored(callbackIdFor(exempt, 1))).doesNotContainKey(Callback.QUEUE_KEY);
        assertThat(stored(callbackIdFor(overdueRepair, 1))).containsKey(Callback.QUEUE_KEY);
        assertThat(stored(callbackIdFor(nobodyToCall, 1))).containsKey(Callback.QUEUE_KEY);

        List<String> byDueTime = ids(mall, "?status=" + OPEN);
        // The earliest three are due on different days; the two scheduled ones may share a due time, then go by id.
        assertThat(byDueTime).startsWith(callbackIdFor(overdueRepair, 1), callbackIdFor(overdueComplaint, 1),
                callbackIdFor(nobodyToCall, 1)).hasSize(5);
        assertThat(byDueTime.subList(3, 5)).containsExactlyInAnyOrder(callbackIdFor(scheduledRepair, 1),
                callbackIdFor(scheduledComplaint, 1)).isSortedAccordingTo(Comparator
                .comparing((String id) -> (String) callback(mall, id).get("dueAt")).thenComparing(Comparator.naturalOrder()));
        assertThat(ids(mall, "?status=DUE,OVERDUE&size=100")).containsExactly(callbackIdFor(overdueRepair, 1),
                callbackIdFor(overdueComplaint, 1));
        assertThat(ids(mall, "?status=SCHEDULED,OVERDUE&kind=COMPLAINT")).containsExactly(
                callbackIdFor(overdueComplaint, 1), callbackIdFor(scheduledComplaint, 1));
        List<String> latestDueFirst = ids(mall, "?status=" + OPEN + "&sort=dueAt,desc");
        assertThat(latestDueFirst.subList(2, 5)).containsExactly(callbackIdFor(nobodyToCall, 1),
                callbackIdFor(overdueComplaint, 1), callbackIdFor(overdueRepair, 1));
        assertThat(latestDueFirst.subList(0, 2)).containsExactlyInAnyOrderElementsOf(byDueTime.subList(3, 5));
        assertThat(ids(mall, "?status=" + OPEN + "&sort=createdAt")).containsExactlyInAnyOrderElementsOf(byDueTime);

        var second = page(mall, "?status=" + OPEN + "&page=1&size=2");
        assertThat(second.getResponseBody()).containsEntry("page", 1).containsEntry("size", 2).containsEntry("total", 5);
        assertThat(idsIn(second)).containsExactlyElementsOf(byDueTime.subList(2, 4));
        assertThat(second.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("5");
        assertThat(second.getResponseHeaders().getFirst(HttpHeaders.LINK)).contains("page=2").contains("rel=\"next\"");
        assertThat(page(mall, "?status=" + OPEN + "&page=2&size=2").getResponseHeaders().get(HttpHeaders.LINK)).isNull();

        // The same requests with a closed status none of the mall's callbacks has are a query of the mall's callbacks,
        // the way every list was read before: each answer is the same.
        for (String query : List.of("?status=" + OPEN, "?status=DUE,OVERDUE&size=100", "?status=NO_CONTACT",
                "?status=SCHEDULED,OVERDUE&kind=COMPLAINT", "?status=" + OPEN + "&sort=dueAt,desc",
                "?status=" + OPEN + "&sort=createdAt", "?status=" + OPEN + "&sort=createdAt,desc&kind=REPAIR",
                "?status=" + OPEN + "&page=1&size=2", "?status=" + OPEN + "&page=3&size=2")) {
            var fromTheSet = page(mall, query);
            var fromTheCollection = page(mall, query.replace("?status=", "?status=UNREACHABLE,"));
            assertThat(fromTheSet.getResponseBody()).as(query).isEqualTo(fromTheCollection.getResponseBody());
            assertThat(fromTheSet.getResponseHeaders().getFirst("X-Total-Count")).as(query)
                    .isEqualTo(fromTheCollection.getResponseHeaders().getFirst("X-Total-Count"));
        }

        // Closed callbacks are still found by asking for their status; another mall's never show.
        assertThat(ids(mall, "?status=COMPLETED")).containsExactly(callbackIdFor(answered, 1));
        assertThat(ids(mall, "?status=EXEMPT")).containsExactly(callbackIdFor(exempt, 1));
        assertThat(ids(otherMall, "?status=" + OPEN)).containsExactly(callbackIdFor(elsewhere, 1),
                callbackIdFor(elsewhereScheduled, 1));
    }

    @Test
    void openCallbacksStoredWithoutTheKeyAreGivenItOnceAndThenShowInTheQueue() {
        String before = work(mall, "REPAIR", clock.instant());
        String closedBefore = work(mall, "REPAIR", clock.instant());
        String id = callbackIdFor(before, 1);
        String closedId = callbackIdFor(closedBefore, 1);
        awaitStatus(mall, before, "SCHEDULED");
        awaitStatus(mall, closedBefore, "SCHEDULED");
        answer(mall, closedId, repairAnswers("SATISFIED", "SATISFIED", "SATISFIED")).expectStatus().isOk();
        // As stored before callbacks kept their place in the queue.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset(Callback.QUEUE_KEY), "callbacks")
                .block();

        // The queue reads the mall's set, not its callbacks: one without the key is not in it.
        assertThat(ids(mall, "?status=SCHEDULED")).isEmpty();
        assertThat(ids(mall, "?status=SCHEDULED,COMPLETED")).containsExactlyInAnyOrder(id, closedId);

        mongo.remove(Query.query(Criteria.where("_id").is(CallbackQueueKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(queueKeys.convert().block()).isGreaterThanOrEqualTo(1);
        assertThat(queueKeys.convert().block()).isZero();

        Instant dueAt = Instant.parse((String) callback(mall, id).get("dueAt"));
        assertThat(stored(id)).containsEntry(Callback.QUEUE_KEY, WorkingSetKey.of(mall, dueAt, id));
        assertThat(stored(closedId)).doesNotContainKey(Callback.QUEUE_KEY);
        assertThat(ids(mall, "?status=SCHEDULED")).containsExactly(id);
    }

    /** Completed work of the kind, reported by a customer with a phone; the request's id. */
    private String work(String mallId, String kind, Instant completedAt) {
        String requestId = UUID.randomUUID().toString();
        completeWork(mallId, requestId, kind, 1, completedAt);
        return requestId;
    }

    private void awaitStatus(String mallId, String requestId, String status) {
        String id = callbackIdFor(requestId, 1);
        awaitCallback(mallId, id);
        await().untilAsserted(() -> assertThat(callback(mallId, id)).containsEntry("status", status));
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "callbacks").block();
    }

    private EntityExchangeResult<Map<String, Object>> page(String mallId, String query) {
        return web.get().uri("/api/v1/malls/{mall}/callbacks" + query, mallId)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mallId))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();
    }

    private List<String> ids(String mallId, String query) {
        return idsIn(page(mallId, query));
    }

    @SuppressWarnings("unchecked")
    private static List<String> idsIn(EntityExchangeResult<Map<String, Object>> page) {
        return ((List<Map<String, Object>>) page.getResponseBody().get("items")).stream()
                .map(item -> (String) item.get("id")).toList();
    }
}

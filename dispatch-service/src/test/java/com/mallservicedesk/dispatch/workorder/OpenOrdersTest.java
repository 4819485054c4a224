package com.mallservicedesk.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.dispatch.sla.SlaRule;
import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/**
 * The list of open orders ({@code open=true}, the department console's board) is read as the mall's open set (each
 * open order's key, gone once it closes, back when it reopens) and answers as the query of the mall's orders does:
 * the same items in the same order, the same total, whatever the filters, sort and page.
 */
class OpenOrdersTest extends DispatchIntegrationTest {

    private static final ZoneId MALL_ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> OPEN = List.of("UNASSIGNED", "ASSIGNED", "ACCEPTED", "DELAYED");

    @Autowired
    WorkOrders workOrders;

    @Autowired
    OpenOrderKeys openKeys;

    private final String mall = newMall();
    private final String otherMall = newMall();
    private final String engineering = TestTokens.deptStaff(mall, "ENGINEERING");
    private final String customerService = TestTokens.deptStaff(mall, "CUSTOMER_SERVICE");

    @Test
    void theOpenListIsTheMallsOpenOrdersFilteredSortedAndPagedAsTheQueryWouldAndClosedOrdersLeaveIt() {
        calmServiceLevels(mall);
        putDepartment(mall, "ENGINEERING", aroundTheClock());
        // Repairs to engineering, help to customer service, complaints to nobody: they wait for the front desk.
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rules", List.of(
                        Map.of("kind", "REPAIR", "department", "ENGINEERING"),
                        Map.of("kind", "HELP", "department", "CUSTOMER_SERVICE"))))
                .exchange().expectStatus().isOk();

        String assigned = open(mall, "REPAIR");
        String accepted = open(mall, "REPAIR");
        String delayed = open(mall, "REPAIR");
        String overdue = open(mall, "REPAIR");
        String completed = open(mall, "REPAIR");
        String help = open(mall, "HELP");
        String cancelled = open(mall, "HELP");
        String merged = open(mall, "HELP");
        String unassigned = open(mall, "COMPLAINT");
        String elsewhere = open(otherMall, "REPAIR");

        act(mall, engineering, accepted, "accept", null).expectStatus().isOk();
        act(mall, engineering, delayed, "delay", Map.of("reason", "等待配件",
                "promisedAt", clock.instant().plusSeconds(86_400).toString())).expectStatus().isOk();
        // What the contact timer does when it fires.
        workOrders.breach(mall, overdue, SlaRule.CONTACT, "1.0", clock.instant()).block();
        assertThat(order(mall, overdue)).containsEntry("overdue", true).containsEntry("status", "ASSIGNED");
        // Each open order carries its place in the mall's set, by creation time: also the ones about to close.
        for (String id : List.of(assigned, accepted, delayed, overdue, completed, help, cancelled, merged, unassigned)) {
            assertThat(stored(id)).as(id).containsEntry(WorkOrder.OPEN_KEY, keyOf(mall, id));
        }
        assertThat(stored(elsewhere)).containsEntry(WorkOrder.OPEN_KEY, keyOf(otherMall, elsewhere));

        // Completed, cancelled and merged orders lose the key with the write that closes them.
        act(mall, engineering, completed, "complete", Map.of("summary", "已更換")).expectStatus().isOk();
        send(REQUESTS, "mall.intake.request.cancelled.v1", mall, requestOf(cancelled), requestOf(cancelled),
                Map.of("requestId", requestOf(cancelled), "reason", "顧客撤回"));
        send(REQUESTS, "mall.intake.request.merged.v1", mall, requestOf(merged), requestOf(merged),
                Map.of("requestId", requestOf(merged), "parentRequestId", requestOf(help)));
        await().untilAsserted(() -> assertThat(order(mall, cancelled)).containsEntry("status", "CANCELLED"));
        await().untilAsserted(() -> assertThat(order(mall, merged)).containsEntry("status", "MERGED"));
        for (String id : List.of(completed, cancelled, merged)) {
            assertThat(stored(id)).as(id).doesNotContainKey(WorkOrder.OPEN_KEY);
        }

        // Newest first by default; only the mall's open orders, of every department and none.
        List<String> newestFirst = List.of(unassigned, help, overdue, delayed, accepted, assigned);
        assertThat(ids(mall, "?open=true")).containsExactlyElementsOf(newestFirst);
        assertThat(ids(mall, "?open=true&sort=createdAt")).containsExactly(assigned, accepted, delayed, overdue, help, unassigned);
        assertThat(ids(mall, "?open=true&department=ENGINEERING")).containsExactly(overdue, delayed, accepted, assigned);
        assertThat(ids(mall, "?open=true&department=ENGINEERING&sort=createdAt,asc"))
                .containsExactly(assigned, accepted, delayed, overdue);
        assertThat(ids(mall, "?open=true&status=ACCEPTED")).containsExactly(accepted);
        assertThat(ids(mall, "?open=true&status=UNASSIGNED")).containsExactly(unassigned);
        assertThat(ids(mall, "?open=true&overdue=true")).containsExactly(overdue);
        assertThat(ids(mall, "?open=true&overdue=false&department=ENGINEERING")).containsExactly(delayed, accepted, assigned);
        assertThat(ids(mall, "?open=true&kind=HELP")).containsExactly(help);
        LocalDate day = dayOf(unassigned);
        assertThat(ids(mall, "?open=true&date=" + day)).contains(unassigned).doesNotContain(elsewhere);
        assertThat(ids(mall, "?open=true&date=" + dayOf(assigned).minusDays(1))).isEmpty();
        // Status ascending is by name (ties by id); the order without a department comes first by department.
        assertThat(ids(mall, "?open=true&sort=status")).startsWith(accepted).endsWith(delayed, unassigned)
                .containsExactlyInAnyOrderElementsOf(newestFirst);
        assertThat(ids(mall, "?open=true&sort=department")).first().isEqualTo(unassigned);
        assertThat(ids(mall, "?open=true&sort=department,desc")).last().isEqualTo(unassigned);

        // More than one page: the same pages the query would give, the total of all of them.
        Map<String, Object> second = page(mall, TestTokens.supervisor(mall), "?open=true&size=4&page=1");
        assertThat(second).containsEntry("page", 1).containsEntry("size", 4).containsEntry("total", 6);
        assertThat(idsIn(second)).containsExactly(accepted, assigned);
        assertThat(idsIn(page(mall, TestTokens.supervisor(mall), "?open=true&size=4&page=2"))).isEmpty();

        // Each open status alone is answered by the set and by the query of the mall's orders: the same answer.
        List<String> variants = List.of("", "&sort=createdAt", "&sort=orderedAt", "&sort=orderedAt,desc",
                "&sort=completedAt", "&sort=completedAt,desc", "&sort=status,desc", "&sort=department",
                "&sort=department,desc", "&sort=kind", "&sort=kind,desc", "&department=ENGINEERING", "&overdue=true",
                "&overdue=false", "&kind=REPAIR", "&date=" + day, "&size=1&page=1", "&size=1&page=1&sort=createdAt");
        for (String status : OPEN) {
            for (String variant : variants) {
                assertThat(page(mall, TestTokens.supervisor(mall), "?open=true&status=" + status + variant))
                        .as(status + variant)
                        .isEqualTo(page(mall, TestTokens.supervisor(mall), "?status=" + status + variant));
            }
        }
        // All open statuses together: the query's list of every status, without the closed orders.
        for (String variant : variants.stream().filter(v -> !v.contains("page=")).toList()) {
            Map<String, Object> fromTheSet = page(mall, TestTokens.supervisor(mall), "?open=true&size=200" + variant);
            List<Map<String, Object>> fromTheQuery = items(page(mall, TestTokens.supervisor(mall), "?size=200" + variant))
                    .stream().filter(o -> OPEN.contains((String) o.get("status"))).toList();
            assertThat(items(fromTheSet)).as(variant).isEqualTo(fromTheQuery);
            assertThat(((Number) fromTheSet.get("total")).intValue()).as(variant).isEqualTo(fromTheQuery.size());
        }

        // Another mall's orders never show; its own list shows its own.
        assertThat(ids(otherMall, "?open=true")).containsExactly(elsewhere);

        // Completed work leaves the list and comes back when an unsatisfied callback reopens it.
        act(mall, engineering, accepted, "complete", Map.of("summary", "已修好")).expectStatus().isOk();
        assertThat(stored(accepted)).doesNotContainKey(WorkOrder.OPEN_KEY);
        assertThat(ids(mall, "?open=true&department=ENGINEERING")).containsExactly(overdue, delayed, assigned);
        send(CALLBACKS, "mall.callback.callback.completed.v1", mall, "cb-" + completed, requestOf(completed),
                Map.of("callbackId", "cb-" + completed, "workOrderId", completed, "satisfied", false, "round", 1));
        await().untilAsserted(() -> assertThat(order(mall, completed)).containsEntry("status", "ASSIGNED"));
        assertThat(stored(completed)).containsEntry(WorkOrder.OPEN_KEY, keyOf(mall, completed));
        assertThat(ids(mall, "?open=true&department=ENGINEERING")).containsExactly(completed, overdue, delayed, assigned);

        // Without open=true (or with open=false) the list is what it was: every status.
        assertThat(ids(mall, "?open=false&status=COMPLETED")).containsExactly(accepted);
        assertThat(ids(mall, "?status=CANCELLED")).containsExactly(cancelled);
        assertThat(ids(mall, "?open=false")).hasSize(9);
    }

    @Test
    void departmentStaffSeeTheOpenOrdersOfTheirDepartmentOnlyAndAClosedStatusWithOpenIsRefused() {
        putDepartment(mall, "ENGINEERING", aroundTheClock());
        String repair = open(mall, "REPAIR");
        String help = open(mall, "HELP");
        String done = open(mall, "REPAIR");
        String elsewhere = open(otherMall, "REPAIR");
        act(mall, TestTokens.frontDesk(mall), repair, "assign", Map.of("department", "ENGINEERING", "reason", "維修"))
                .expectStatus().isOk();
        act(mall, TestTokens.frontDesk(mall), done, "assign", Map.of("department", "ENGINEERING", "reason", "維修"))
                .expectStatus().isOk();
        act(mall, engineering, done, "complete", Map.of("summary", "已修好")).expectStatus().isOk();

        assertThat(ids(mall, engineering, "?open=true")).containsExactly(repair);
        assertThat(ids(mall, engineering, "?open=true&department=ENGINEERING")).containsExactly(repair);
        assertThat(ids(mall, customerService, "?open=true")).containsExactly(help);
        assertThat(ids(mall, TestTokens.supervisor(mall), "?open=true")).containsExactly(help, repair);
        assertThat(ids(otherMall, TestTokens.supervisor(otherMall), "?open=true")).containsExactly(elsewhere);
        web.get().uri("/api/v1/malls/{mall}/work-orders?open=true&department=CUSTOMER_SERVICE", mall)
                .headers(h -> h.setBearerAuth(engineering)).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("not-your-department");

        // A closed status cannot be open: refused, like a date out of range, naming every wrong filter at once.
        web.get().uri("/api/v1/malls/{mall}/work-orders?open=true&status=COMPLETED", mall)
                .headers(h -> h.setBearerAuth(engineering)).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("filter-invalid")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.errors[0].code").isEqualTo("unsupported")
                .jsonPath("$.errors[0].allowed").isEqualTo(OPEN);
        web.get().uri("/api/v1/malls/{mall}/work-orders?open=true&status=MERGED&date=1900-01-01", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("filter-invalid")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("date", "status"));
        // The same status without open=true is an ordinary filter.
        assertThat(ids(mall, engineering, "?open=false&status=COMPLETED")).containsExactly(done);
        assertThat(ids(mall, engineering, "?status=COMPLETED")).containsExactly(done);
    }

    @Test
    void anOpenOrderOlderThanTheDepartmentsNewestPageStillShowsInTheOpenList() {
        // A delayed order from earlier, then newer work of the same department, some of it done.
        String old = open(mall, "REPAIR");
        act(mall, customerService, old, "delay", Map.of("reason", "等待廠商",
                "promisedAt", clock.instant().plusSeconds(7 * 86_400).toString())).expectStatus().isOk();
        List<String> newer = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            newer.add(open(mall, "HELP"));
        }
        act(mall, customerService, newer.get(1), "complete", Map.of("summary", "已處理")).expectStatus().isOk();
        act(mall, customerService, newer.get(3), "complete", Map.of("summary", "已處理")).expectStatus().isOk();

        // The board used to read the department's newest orders and keep the open ones: the old order is not there.
        List<Map<String, Object>> newest = items(page(mall, customerService, "?department=CUSTOMER_SERVICE&size=3"));
        assertThat(newest).extracting(o -> o.get("id")).doesNotContain(old);
        assertThat(newest).filteredOn(o -> OPEN.contains((String) o.get("status"))).extracting(o -> o.get("id"))
                .containsExactly(newer.get(2));

        // The open list has it, on the same first page.
        assertThat(ids(mall, customerService, "?department=CUSTOMER_SERVICE&open=true&size=3"))
                .containsExactly(newer.get(2), newer.get(0), old);
        assertThat(page(mall, customerService, "?department=CUSTOMER_SERVICE&open=true&size=3")).containsEntry("total", 3);
    }

    @Test
    void openOrdersStoredWithoutTheKeyAreGivenItOnceAndClosedOnesNever() {
        calmServiceLevels(mall);
        String before = open(mall, "REPAIR");
        String closedBefore = open(mall, "REPAIR");
        act(mall, customerService, closedBefore, "complete", Map.of("summary", "已處理")).expectStatus().isOk();
        // As stored before orders kept their place in the open set.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(before)), new Update().unset(WorkOrder.OPEN_KEY),
                "work_orders").block();

        // The open list reads the mall's set, not its orders: one without the key is not in it.
        assertThat(ids(mall, "?open=true")).isEmpty();
        assertThat(ids(mall, "?status=ASSIGNED")).containsExactly(before);

        mongo.remove(Query.query(Criteria.where("_id").is(OpenOrderKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(openKeys.convert().block()).isGreaterThanOrEqualTo(1);
        assertThat(openKeys.convert().block()).isZero();
        // Run again from the start (another instance, a start that stopped midway): nothing left without its key.
        mongo.remove(Query.query(Criteria.where("_id").is(OpenOrderKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(openKeys.convert().block()).isZero();

        assertThat(stored(before)).containsEntry(WorkOrder.OPEN_KEY, keyOf(mall, before));
        assertThat(stored(closedBefore)).doesNotContainKey(WorkOrder.OPEN_KEY);
        assertThat(ids(mall, "?open=true")).containsExactly(before);
    }

    // ------------------------------------------------------------------ helpers

    /** Service levels no order of the test reaches (no same-day deadline at midnight): overdue only when told. */
    private void calmServiceLevels(String mallId) {
        web.put().uri("/api/v1/malls/{mall}/sla-policy", mallId).headers(h -> h.setBearerAuth(TestTokens.supervisor(mallId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("dispatchWithin", "P1D", "contactWithin", "P1D",
                        "sameDayHandling", false, "repairCompletionWithin", "P30D", "complaintInvestigationWorkingDays", 30))
                .exchange().expectStatus().isOk();
    }

    /** A registered request's work order, once opened; its id. */
    private String open(String mallId, String kind) {
        String requestId = register(mallId, kind, "PHONE", "1F", "A");
        awaitOrder(mallId, "wo-" + requestId);
        return "wo-" + requestId;
    }

    private static String requestOf(String workOrderId) {
        return workOrderId.substring("wo-".length());
    }

    /** The mall's day the order was created on. */
    private LocalDate dayOf(String id) {
        return Instant.parse((String) order(mall, id).get("createdAt")).atZone(MALL_ZONE).toLocalDate();
    }

    private String keyOf(String mallId, String id) {
        Map<String, Object> order = web.get().uri("/api/v1/malls/{mall}/work-orders/{id}", mallId, id)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mallId))).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return WorkingSetKey.of(mallId, Instant.parse((String) order.get("createdAt")), id);
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "work_orders").block();
    }

    private Map<String, Object> page(String mallId, String token, String query) {
        return web.get().uri("/api/v1/malls/{mall}/work-orders" + query, mallId)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private List<String> ids(String mallId, String query) {
        return ids(mallId, TestTokens.supervisor(mallId), query);
    }

    private List<String> ids(String mallId, String token, String query) {
        return idsIn(page(mallId, token, query));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> idsIn(Map<String, Object> page) {
        return items(page).stream().map(item -> (String) item.get("id")).toList();
    }
}

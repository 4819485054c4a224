package com.mallservicedesk.dispatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;

/** Departments told of complaints, major incidents and outage notices (contract C4; seed 004 信息治理, seed 000 §4.10). */
class NotificationsTest extends DispatchIntegrationTest {

    private static TopicProbe notificationEvents;

    @Autowired
    OpenNotificationKeys openKeys;

    private final String mall = newMall();
    private final String security = TestTokens.deptStaff(mall, "SECURITY");

    private static synchronized TopicProbe probe() {
        if (notificationEvents == null) {
            notificationEvents = TopicProbe.on(NOTIFICATIONS);
        }
        return notificationEvents;
    }

    private String registerWith(String kind, boolean major, List<String> related) {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("number", mall + "-20261124-0007");
        data.put("channel", "PHONE");
        data.put("kind", kind);
        data.put("description", "停車場保安態度惡劣");
        data.put("location", Map.of("floor", "B1", "zone", "P"));
        data.put("customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER"));
        data.put("receivedAt", Instant.now().toString());
        data.put("acceptedAt", clock.instant().toString());
        data.put("status", "REGISTERED");
        data.put("priority", "NORMAL");
        data.put("anonymous", false);
        data.put("major", major);
        data.put("relatedDepartments", related);
        send(REQUESTS, "mall.intake.request.registered.v1", mall, requestId, requestId, data);
        return requestId;
    }

    private Map<String, Object> list(String department, String token) {
        return list(department, token, "");
    }

    private Map<String, Object> list(String department, String token, String query) {
        return list(department, token, mall, query);
    }

    private Map<String, Object> list(String department, String token, String mallId, String query) {
        return web.get().uri("/api/v1/malls/{mall}/departments/{code}/notifications" + query, mallId, department)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> items(String department) {
        return (List<Map<String, Object>>) list(department, TestTokens.supervisor(mall)).get("items");
    }

    private List<String> published(String notificationId, String type) {
        return probe().records().stream()
                .filter(r -> type.equals(CloudEventHeaders.read(r.headers(), CloudEventHeaders.TYPE)))
                .filter(r -> notificationId.equals(json.readTree(r.value()).get("notificationId").asString()))
                .map(r -> r.value()).toList();
    }

    @Test
    @DisplayName("seed 004 信息治理: a complaint tells the handling department and its related departments, once each, due one working day later")
    void aComplaintTellsTheHandlingAndRelatedDepartmentsOnce() {
        probe();
        String requestId = registerWith("COMPLAINT", false, List.of("SECURITY", "PARKING"));
        String id = "ntf-req-" + requestId + "-SECURITY";
        await().untilAsserted(() -> assertThat(items("SECURITY")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("id", id).containsEntry("reason", "COMPLAINT")
                        .containsEntry("subjectType", "REQUEST").containsEntry("acknowledged", false)));
        await().untilAsserted(() -> {
            assertThat(items("PARKING")).hasSize(1);
            // The department the request is routed to (the default here) is told too.
            assertThat(items("CUSTOMER_SERVICE")).hasSize(1);
        });
        var notification = items("SECURITY").get(0);
        // The tests' malls are campuses: one working day is the close of the next day (24-hour duty).
        Instant sentAt = Instant.parse((String) notification.get("sentAt"));
        assertThat(notification.get("dueAt"))
                .isEqualTo(WorkingCalendar.aroundTheClock(ZoneId.of("Asia/Shanghai")).addWorkingDays(sentAt, 1).toString());
        assertThat((String) notification.get("summary")).contains("停車場保安態度惡劣").doesNotContain("13800000000");
        await().untilAsserted(() -> assertThat(published(id, "mall.dispatch.notification.sent.v1")).hasSize(1));

        // Redelivered: nothing new.
        var again = send(REQUESTS, "mall.intake.request.registered.v1", mall, requestId, requestId,
                Map.of("requestId", requestId, "number", "n", "kind", "COMPLAINT", "relatedDepartments", List.of("SECURITY")));
        awaitConsumed("dispatch-service-notifications", again);
        assertThat(items("SECURITY")).hasSize(1);

        // On the department's console, not on another's.
        await().untilAsserted(() -> assertThat(mongo.find(Query.query(Criteria.where("mallId").is(mall)
                        .and("type").is("mall.dispatch.notification.sent.v1")), Document.class, "console_events")
                .collectList().block()).extracting(d -> (List<String>) d.get("departments"))
                .containsExactlyInAnyOrder(List.of("SECURITY"), List.of("PARKING"), List.of("CUSTOMER_SERVICE")));
    }

    @Test
    @DisplayName("seed 004 信息治理 and seed 000 §3.1.1: at a mall open 09:00–21:00, due at the close of the next desk day")
    void dueAtTheCloseOfTheNextDayOfTheMallsDeskHours() {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (var day : java.time.DayOfWeek.values()) {
            hours.put(day.name(), Map.of("open", "09:00", "close", "21:00"));
        }
        send(MALLS, "mall.intake.mall-settings.changed.v1", mall, mall, mall, Map.of("mallId", mall, "revision", 1,
                "timeZone", "Asia/Shanghai", "siteKind", "MALL",
                "deskHours", Map.of("zone", "Asia/Shanghai", "alwaysOpen", false, "hours", hours),
                "changedAt", Instant.now().toString()));
        await().until(() -> mongo.findById(mall, Document.class, "mall_settings").blockOptional().isPresent());
        registerWith("COMPLAINT", false, List.of("SECURITY"));
        await().untilAsserted(() -> assertThat(items("SECURITY")).hasSize(1));
        var notification = items("SECURITY").get(0);
        Instant sentAt = Instant.parse((String) notification.get("sentAt"));
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant due = Instant.parse((String) notification.get("dueAt"));
        assertThat(due).isEqualTo(WorkingCalendar.mallDeskHours(shanghai).addWorkingDays(sentAt, 1));
        assertThat(due.atZone(shanghai).toLocalTime()).isEqualTo(java.time.LocalTime.of(21, 0));
        assertThat(due.atZone(shanghai).toLocalDate()).isEqualTo(sentAt.atZone(shanghai).toLocalDate().plusDays(1));
    }

    @Test
    @DisplayName("contract C4: department staff acknowledge their own department's notification; another department's is 404")
    void staffAcknowledgeTheirOwnDepartmentsNotificationOnly() {
        probe();
        String requestId = registerWith("REPAIR", true, List.of("SECURITY"));
        String id = "ntf-req-" + requestId + "-SECURITY";
        await().untilAsserted(() -> assertThat(items("SECURITY")).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("reason", "MAJOR_INCIDENT")));

        web.post().uri("/api/v1/malls/{mall}/notifications/{id}/acknowledgement", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "PARKING")))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("notification-not-found");
        web.post().uri("/api/v1/malls/{mall}/notifications/{id}/acknowledgement", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/malls/{mall}/notifications/{id}/acknowledgement", mall, id)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(newMall())))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/malls/{mall}/notifications/{id}/acknowledgement", mall, id)
                .headers(h -> h.setBearerAuth(security))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.acknowledged").isEqualTo(true)
                .jsonPath("$.acknowledgedBy").isEqualTo("staff-SECURITY-" + mall);
        // Acknowledging again is harmless.
        web.post().uri("/api/v1/malls/{mall}/notifications/{id}/acknowledgement", mall, id)
                .headers(h -> h.setBearerAuth(security)).exchange().expectStatus().isOk();
        await().untilAsserted(() -> assertThat(published(id, "mall.dispatch.notification.acknowledged.v1")).hasSize(1));
        web.get().uri("/api/v1/malls/{mall}/departments/{code}/notifications", mall, "SECURITY")
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "PARKING")))
                .exchange().expectStatus().isForbidden();
        // An ordinary repair tells nobody.
        String plain = registerWith("REPAIR", false, List.of("SECURITY"));
        awaitOrderOf(plain);
        assertThat(items("SECURITY")).hasSize(1);
    }

    private void awaitOrderOf(String requestId) {
        awaitOrder(mall, "wo-" + requestId);
        await().during(Duration.ofMillis(300)).until(() -> true);
    }

    @Test
    @DisplayName("seed 000 §4.10: an outage notice tells each department it names; unacknowledged ones come first and become overdue after one working day")
    void anOutageNoticeTellsItsDepartmentsAndBecomesOverdue() {
        probe();
        String noticeId = "ntc-" + UUID.randomUUID();
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("noticeId", noticeId);
        notice.put("kind", "POWER_OUTAGE");
        notice.put("floors", List.of("B1"));
        notice.put("startsAt", "2026-11-25T01:00:00Z");
        notice.put("endsAt", "2026-11-25T05:00:00Z");
        notice.put("message", "B1 層明日停電檢修");
        notice.put("recipients", 12);
        notice.put("publishedBy", "fd");
        notice.put("departments", List.of("SECURITY", "ENGINEERING", "not a code"));
        send(NOTICES, "mall.intake.notice.published.v1", mall, noticeId, noticeId, notice);
        String earlier = registerWith("COMPLAINT", false, List.of("SECURITY"));

        await().untilAsserted(() -> {
            assertThat(items("SECURITY")).hasSize(2);
            assertThat(items("ENGINEERING")).singleElement()
                    .satisfies(n -> assertThat(n).containsEntry("reason", "OUTAGE_NOTICE").containsEntry("subjectType", "NOTICE"));
        });
        String complaintId = "ntf-req-" + earlier + "-SECURITY";
        web.post().uri("/api/v1/malls/{mall}/notifications/{id}/acknowledgement", mall, complaintId)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk();
        // Unacknowledged first.
        assertThat(items("SECURITY")).extracting(n -> n.get("acknowledged")).containsExactly(false, true);

        clock.advance(Duration.ofDays(3));
        String outageId = "ntf-notice-" + noticeId + "-SECURITY";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(items("SECURITY").get(0)).containsEntry("id", outageId).containsEntry("overdue", true);
            assertThat(published(outageId, "mall.dispatch.notification.overdue.v1")).hasSize(1);
        });
        assertThat(items("SECURITY").get(1)).containsEntry("overdue", false);
        await().untilAsserted(() -> assertThat(prometheus()).containsPattern(
                "msd_dispatch_notifications_overdue_total\\{[^}]*department=\"SECURITY\"[^}]*mall=\"" + mall + "\"[^}]*} 1.0"));
    }

    @Test
    @DisplayName("contract C4: acknowledged=false lists every unacknowledged notification of the department, as the whole list orders them, and only the mall's")
    void theUnacknowledgedListHoldsEveryUnacknowledgedNotificationInTheListsOrder() {
        // A day apart, so that each is due a day after the one before (the close of the next day: the tests' malls are
        // campuses); by then the one before is overdue, which keeps it in the list.
        List<String> complaints = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            complaints.add(registerWith("COMPLAINT", false, List.of("SECURITY")));
            int told = i;
            await().untilAsserted(() -> assertThat(items("SECURITY")).hasSize(told));
            clock.advance(Duration.ofDays(1));
        }
        String elsewhere = newMall();
        String elsewhereRequest = UUID.randomUUID().toString();
        send(REQUESTS, "mall.intake.request.registered.v1", elsewhere, elsewhereRequest, elsewhereRequest,
                Map.of("requestId", elsewhereRequest, "number", elsewhere + "-20261124-0001", "kind", "COMPLAINT",
                        "relatedDepartments", List.of("SECURITY")));
        await().untilAsserted(() -> assertThat(items("SECURITY")).hasSize(3));
        String acknowledgedId = "ntf-req-" + complaints.get(1) + "-SECURITY";
        web.post().uri("/api/v1/malls/{mall}/notifications/{id}/acknowledgement", mall, acknowledgedId)
                .headers(h -> h.setBearerAuth(security)).exchange().expectStatus().isOk();

        var all = items("SECURITY");
        var unacknowledged = (List<Map<String, Object>>) list("SECURITY", security, "?acknowledged=false").get("items");
        assertThat(unacknowledged).extracting(n -> n.get("id")).containsExactly(
                "ntf-req-" + complaints.get(0) + "-SECURITY", "ntf-req-" + complaints.get(2) + "-SECURITY");
        // The same notifications in the same order as the whole list's unacknowledged part.
        assertThat(unacknowledged).extracting(n -> n.get("id"))
                .isEqualTo(all.subList(0, 2).stream().map(n -> n.get("id")).toList());
        assertThat(list("SECURITY", security, "?acknowledged=false&page=1&size=1"))
                .containsEntry("total", 2).containsEntry("page", 1)
                .extracting(p -> ((List<Map<String, Object>>) p.get("items")).get(0).get("id"))
                .isEqualTo("ntf-req-" + complaints.get(2) + "-SECURITY");
        assertThat((List<Map<String, Object>>) list("SECURITY", security, "?acknowledged=true").get("items"))
                .extracting(n -> n.get("id")).containsExactly(acknowledgedId);
        assertThat((List<Map<String, Object>>) list("PARKING", TestTokens.supervisor(mall), "?acknowledged=false")
                .get("items")).isEmpty();
        await().untilAsserted(() -> assertThat(mongo.find(Query.query(Criteria.where("mallId").is(elsewhere)),
                Document.class, "notifications").collectList().block()).isNotEmpty());
        assertThat((List<Map<String, Object>>) list("SECURITY", TestTokens.supervisor(elsewhere), elsewhere,
                "?acknowledged=false").get("items")).extracting(n -> n.get("id"))
                .containsExactly("ntf-req-" + elsewhereRequest + "-SECURITY");

        web.get().uri("/api/v1/malls/{mall}/departments/SECURITY/notifications?acknowledged=maybe", mall)
                .headers(h -> h.setBearerAuth(security)).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @DisplayName("unacknowledged notifications stored before the list was read by key are given their key once; acknowledged ones never")
    void notificationsStoredWithoutTheKeyAreGivenItOnce() {
        String first = registerWith("COMPLAINT", false, List.of("SECURITY"));
        String second = registerWith("COMPLAINT", false, List.of("SECURITY"));
        String before = "ntf-req-" + first + "-SECURITY";
        String acknowledgedBefore = "ntf-req-" + second + "-SECURITY";
        await().untilAsserted(() -> assertThat(items("SECURITY")).hasSize(2));
        web.post().uri("/api/v1/malls/{mall}/notifications/{id}/acknowledgement", mall, acknowledgedBefore)
                .headers(h -> h.setBearerAuth(security)).exchange().expectStatus().isOk();
        // As stored before notifications kept their place in the set.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(before)), new Update().unset(Notification.OPEN_KEY),
                "notifications").block();
        assertThat((List<?>) list("SECURITY", security, "?acknowledged=false").get("items")).isEmpty();

        mongo.remove(Query.query(Criteria.where("_id").is(OpenNotificationKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(openKeys.convert().block()).isGreaterThanOrEqualTo(1);
        assertThat(openKeys.convert().block()).isZero();
        mongo.remove(Query.query(Criteria.where("_id").is(OpenNotificationKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(openKeys.convert().block()).isZero();

        assertThat(stored(acknowledgedBefore)).doesNotContainKey(Notification.OPEN_KEY);
        assertThat(stored(before).getString(Notification.OPEN_KEY)).startsWith(mall + "|").endsWith("|" + before);
        assertThat((List<Map<String, Object>>) list("SECURITY", security, "?acknowledged=false").get("items"))
                .extracting(n -> n.get("id")).containsExactly(before);
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "notifications").block();
    }
}

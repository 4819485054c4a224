package com.mallservicedesk.survey.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.survey.SurveyEvents;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import com.mallservicedesk.platform.timer.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The monthly reception report from request, work-order, callback and claim events as the services publish them. */
class MonthlyReportTest extends SurveyIntegrationTest {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mall = newMall();
    private final SurveyEvents events = events(mall);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PublicationTimerHandler publicationTimer;

    /** October 2026 in Shanghai: five requests, three work orders, callbacks, two claims. */
    private void october() {
        String r1 = events.request("REPAIR", "PHONE", "2026-10-10T02:00:00Z");
        String r2 = events.request("REPAIR", "PHONE", "2026-10-12T02:00:00Z");
        String r3 = events.request("COMPLAINT", "WECHAT", "2026-10-13T02:00:00Z");
        String r4 = events.request("CONSULTATION", "VISIT", "2026-10-14T02:00:00Z");
        String r5 = events.request("COMPLAINT", "PHONE", "2026-10-15T02:00:00Z");
        events.request("REPAIR", "PHONE", "2026-10-31T17:30:00Z"); // 01:30 on 1 November in Shanghai
        events.closed(r4, "ANSWERED_ON_SPOT", "2026-10-14T02:01:00Z");
        events.cancelled(r5);

        // r1: done in 90 minutes, reopened after an unsatisfied callback, done again 26 hours after the order.
        events.workOrderCreated(r1, "REPAIR", "ENGINEERING", "2026-10-10T02:05:00Z");
        events.completed(r1, "REPAIR", "ENGINEERING", "2026-10-10T02:05:00Z", Duration.ofMinutes(90));
        events.reopened(r1, "ENGINEERING", "2026-10-11T02:00:00Z");
        events.completed(r1, "REPAIR", "ENGINEERING", "2026-10-10T02:05:00Z", Duration.ofMinutes(1560));
        // r2: not repaired within 48 hours, still open.
        events.workOrderCreated(r2, "REPAIR", "ENGINEERING", "2026-10-12T02:05:00Z");
        events.breached(r2, "ENGINEERING", "REPAIR_COMPLETION", "2026-10-14T02:05:00Z");
        // r3: a complaint investigated late, done after four days, closed after a satisfied callback.
        events.workOrderCreated(r3, "COMPLAINT", "CUSTOMER_SERVICE", "2026-10-13T02:05:00Z");
        events.breached(r3, "CUSTOMER_SERVICE", "COMPLAINT_INVESTIGATION", "2026-10-16T02:05:00Z");
        events.completed(r3, "COMPLAINT", "CUSTOMER_SERVICE", "2026-10-13T02:05:00Z", Duration.ofDays(4));
        events.closed(r3, "SATISFIED_CALLBACK", "2026-10-18T02:00:00Z");

        events.callbackAnswered(r1, "ENGINEERING", "SATISFIED", "SATISFIED", "SATISFIED", "2026-10-11T01:00:00Z");
        events.callbackAnswered(r3, "CUSTOMER_SERVICE", "SATISFIED", "VERY_SATISFIED", "DISSATISFIED",
                "2026-10-18T02:00:00Z");
        // callback-service's statistics: the later one counts, an older one arriving late changes nothing.
        events.callbackStatsAt(Instant.now().minusSeconds(60), "2026-10", null, 30, 29, 0.9667, 0.931);
        events.callbackStatsAt(Instant.now().minusSeconds(3600), "2026-10", null, 10, 5, 0.5, 0.5);

        String claim = events.claimOpened("inc-" + mall, "2026-10-20T02:00:00Z");
        events.claimArchived(claim, "inc-" + mall, "SETTLED", "2026-10-25T02:00:00Z");
        events.claimOpened("inc2-" + mall, "2026-10-21T02:00:00Z");
    }

    private WebTestClient.BodyContentSpec report(String month, String token) {
        return web.get().uri("/api/v1/malls/{mall}/reports/monthly?month={month}", mall, month)
                .accept(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void theMonthlyReportCountsTheMonthsRequestsComplaintsServiceLevelsWorkTimeCallbacksOpenItemsAndClaims() throws Exception {
        october();
        String supervisor = TestTokens.supervisor(mall);
        await().untilAsserted(() -> report("2026-10", supervisor)
                .jsonPath("$.requests.total").isEqualTo(5)
                .jsonPath("$.complaints.closedAfterCallback").isEqualTo(1)
                .jsonPath("$.workTime.averageMinutes").isEqualTo(3660.0)
                .jsonPath("$.workTime.reopened").isEqualTo(1)
                .jsonPath("$.callbacks.callbackRate").isEqualTo(96.7)
                .jsonPath("$.callbacks.answered").isEqualTo(2)
                .jsonPath("$.serviceLevels.escalations").isEqualTo(2)
                .jsonPath("$.claims.settled").isEqualTo(1)
                .jsonPath("$.claims.opened").isEqualTo(2));

        report("2026-10", TestTokens.frontDesk(mall))
                .jsonPath("$.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.requests.byChannel.PHONE").isEqualTo(3)
                .jsonPath("$.requests.byChannel.WECHAT").isEqualTo(1)
                .jsonPath("$.requests.byKind.REPAIR").isEqualTo(2)
                .jsonPath("$.requests.byKind.COMPLAINT").isEqualTo(2)
                .jsonPath("$.requests.byChannelAndKind.PHONE.REPAIR").isEqualTo(2)
                .jsonPath("$.requests.byChannelAndKind.PHONE.COMPLAINT").isEqualTo(1)
                .jsonPath("$.complaints.received").isEqualTo(2)
                .jsonPath("$.complaints.cancelled").isEqualTo(1)
                .jsonPath("$.complaints.stillOpen").isEqualTo(0)
                .jsonPath("$.complaints.handled").isEqualTo(1)
                .jsonPath("$.complaints.handledOnTime").isEqualTo(0)
                .jsonPath("$.complaints.timelinessRate").isEqualTo(0.0)
                .jsonPath("$.serviceLevels.breaches").isEqualTo(2)
                .jsonPath("$.serviceLevels.byRule.REPAIR_COMPLETION").isEqualTo(1)
                .jsonPath("$.serviceLevels.byRuleAndDepartment.COMPLAINT_INVESTIGATION.CUSTOMER_SERVICE").isEqualTo(1)
                .jsonPath("$.workTime.completed").isEqualTo(2)
                .jsonPath("$.workTime.byDepartment.ENGINEERING.averageMinutes").isEqualTo(1560.0)
                .jsonPath("$.workTime.byDepartment.CUSTOMER_SERVICE.averageMinutes").isEqualTo(5760.0)
                .jsonPath("$.callbacks.reportedByCallbackService").isEqualTo(true)
                .jsonPath("$.callbacks.completionsNeedingCallback").isEqualTo(30)
                .jsonPath("$.callbacks.satisfactionRate").isEqualTo(93.1)
                .jsonPath("$.callbacks.callbackRateMet").isEqualTo(true)
                .jsonPath("$.callbacks.respondentSatisfaction").isEqualTo(83.3)
                .jsonPath("$.openItems.requestsFromMonth").isEqualTo(2)
                .jsonPath("$.openItems.workOrdersFromMonth").isEqualTo(1)
                .jsonPath("$.openItems.overdueWorkOrdersFromMonth").isEqualTo(1)
                .jsonPath("$.openItems.workOrdersNow").isEqualTo(1)
                .jsonPath("$.openItems.byDepartmentNow.ENGINEERING.overdue").isEqualTo(1)
                .jsonPath("$.claims.openNow").isEqualTo(1)
                .jsonPath("$.analysis[0]").value(String.class, text -> assertThat(text)
                        .contains("本月（2026-10）共受理服务需求5件", "主要来源为电话（3件，占60%）"))
                .jsonPath("$.analysis[1]").value(String.class, text -> assertThat(text).contains("投诉处理及时率0%"))
                .jsonPath("$.analysis[4]").value(String.class, text -> assertThat(text).contains("回访率96.7%", "达标"));
        await().untilAsserted(() -> report("2026-11", supervisor).jsonPath("$.requests.total").isEqualTo(1)
                .jsonPath("$.requests.previousMonthTotal").isEqualTo(5));

        // The same report as an Excel workbook, opened back and read cell by cell.
        byte[] xlsx = web.get().uri("/api/v1/malls/{mall}/reports/monthly?month=2026-10", mall).accept(XLSX)
                .headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                .expectHeader().contentType(XLSX).expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet overview = workbook.getSheet("概况");
            assertThat(overview.getRow(0).getCell(0).getStringCellValue()).isEqualTo("客服接待月报表");
            assertThat(overview.getRow(2).getCell(1).getStringCellValue()).isEqualTo("2026-10");
            assertThat(row(overview, "受理服务需求（件）").getCell(1).getNumericCellValue()).isEqualTo(5.0);
            assertThat(row(overview, "投诉处理及时率（%）").getCell(1).getNumericCellValue()).isEqualTo(0.0);
            assertThat(row(overview, "平均工时（分钟）").getCell(1).getNumericCellValue()).isEqualTo(3660.0);
            assertThat(row(overview, "回访率（%）").getCell(1).getNumericCellValue()).isEqualTo(96.7);
            Sheet byChannel = workbook.getSheet("受理明细");
            assertThat(byChannel.getRow(0)).extracting(c -> c.getStringCellValue())
                    .containsExactly("渠道", "投诉", "咨询", "报修", "合计");
            Row phone = row(byChannel, "电话");
            assertThat(phone.getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(phone.getCell(3).getNumericCellValue()).isEqualTo(2.0);
            assertThat(phone.getCell(4).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row(workbook.getSheet("服务时限"), "报修两天内完成").getCell(1).getStringCellValue()).isEqualTo("工程部");
            assertThat(workbook.getSheet("文字分析").getRow(1).getCell(0).getStringCellValue()).contains("共受理服务需求5件");
        }

        // The month's publication was planned with its first figures: a durable timer an hour after the month ended
        // (here: an hour from now, as October is over). When it fires, the figures go out on survey.satisfaction.v1.
        Timer due = await().until(() -> mongo.findById("report-publication:pub-monthly-" + mall + "-2026-10", Timer.class)
                .block(), java.util.Objects::nonNull);
        assertThat(due.dueAt()).isAfter(Instant.now().plusSeconds(3000));
        publicationTimer.fire(due).block();
        await().untilAsserted(() -> assertThat(published(mall, "mall.survey.satisfaction.monthly.v1")).singleElement()
                .satisfies(p -> assertThat(p.data().get("revision").asInt()).isEqualTo(1)));

        // Publishing by hand with unchanged figures publishes nothing new.
        for (int i = 0; i < 2; i++) {
            web.post().uri("/api/v1/malls/{mall}/reports/monthly/2026-10/publish", mall)
                    .headers(h -> h.setBearerAuth(supervisor)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.revision").isEqualTo(1);
        }
        await().untilAsserted(() -> assertThat(published(mall, "mall.survey.satisfaction.monthly.v1")).singleElement()
                .satisfies(p -> {
                    assertThat(p.data().get("month").asString()).isEqualTo("2026-10");
                    assertThat(p.data().get("requests").asLong()).isEqualTo(5);
                    assertThat(p.data().get("callbackRate").asDouble()).isEqualTo(96.7);
                    assertThat(p.data().get("complaintTimelinessRate").asDouble()).isEqualTo(0.0);
                }));
    }

    @Test
    void aReportIsScopedToItsMallAndItsReaders() {
        String other = newMall();
        web.get().uri("/api/v1/malls/{mall}/reports/monthly?month=2026-10", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other))).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("mall-forbidden");
        web.get().uri("/api/v1/malls/{mall}/reports/monthly?month=2026-10", mall)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "ENGINEERING"))).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");
        web.get().uri("/api/v1/malls/{mall}/reports/monthly?month=2026-10", mall).exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/v1/malls/{mall}/reports/monthly/2026-10/publish", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/reports/monthly?month=10-2026", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isBadRequest();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("seed 000 §4.11: the monthly report's months are the mall's months, in the zone of intake's mall settings (contract C1)")
    void monthsAreCountedInTheMallsTimeZone() {
        String utcMall = newMall();
        String manager = manager(utcMall);
        // The zone is intake's mall setting (contract C1); an older revision arriving late changes nothing.
        var utcEvents = events(utcMall);
        utcEvents.mallSettings(2, "UTC");
        utcEvents.mallSettings(1, "Asia/Tokyo");
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/report-settings", utcMall)
                .headers(h -> h.setBearerAuth(manager)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.zone").isEqualTo("UTC").jsonPath("$.source").isEqualTo("MALL_SETTINGS")
                .jsonPath("$.revision").isEqualTo(2));
        web.put().uri("/api/v1/malls/{mall}/report-settings", utcMall).headers(h -> h.setBearerAuth(manager))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("zone", "UTC"))
                .exchange().expectStatus().isEqualTo(405);
        web.get().uri("/api/v1/malls/{mall}/report-settings", utcMall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(utcMall))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/report-settings", mall).headers(h -> h.setBearerAuth(manager(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.source").isEqualTo("DEFAULT");

        // 17:30 UTC on 31 October is still October in UTC, but 1 November in Shanghai.
        utcEvents.request("REPAIR", "PHONE", "2026-10-31T17:30:00Z");
        events.request("REPAIR", "PHONE", "2026-10-31T17:30:00Z");
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/reports/monthly?month=2026-10", utcMall)
                .headers(h -> h.setBearerAuth(manager)).exchange().expectBody().jsonPath("$.requests.total").isEqualTo(1));
        await().untilAsserted(() -> report("2026-11", TestTokens.supervisor(mall)).jsonPath("$.requests.total").isEqualTo(1));
        report("2026-10", TestTokens.supervisor(mall)).jsonPath("$.requests.total").isEqualTo(0);
    }

    private static Row row(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }
}

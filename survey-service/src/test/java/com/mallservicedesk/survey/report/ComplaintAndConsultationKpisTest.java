package com.mallservicedesk.survey.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.test.TestEvents;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.survey.SurveyEvents;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The monthly report's KPIs of seed 003 §監控指標 from intake's events (contract C6): complaint handling timeliness and
 * consultation reply accuracy, counted once per request in the month of the event in the mall's zone.
 */
class ComplaintAndConsultationKpisTest extends SurveyIntegrationTest {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mall = newMall();
    private final SurveyEvents events = events(mall);

    private WebTestClient.BodyContentSpec report(String month) {
        return web.get().uri("/api/v1/malls/{mall}/reports/monthly?month={month}", mall, month)
                .accept(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    @DisplayName("seed 003 §監控指標: complaint timeliness and reply accuracy of the month, in the report JSON and its XLSX; a replay counts once")
    void theMonthlyReportShowsBothKpisAndAReplayDoesNotCountTwice() {
        String late = UUID.randomUUID().toString();
        PendingEvent onTime = events.complaintConcluded(UUID.randomUUID().toString(), "2026-10-05T02:00:00Z", true);
        events.complaintConcluded(UUID.randomUUID().toString(), "2026-10-06T02:00:00Z", true);
        events.complaintConcluded(late, "2026-10-07T02:00:00Z", false);
        events.consultationReviewed(UUID.randomUUID().toString(), "2026-10-08T02:00:00Z", true);
        PendingEvent wrong = events.consultationReviewed(UUID.randomUUID().toString(), "2026-10-09T02:00:00Z", false);
        // Redelivered events, and the same request concluded again by a new event: each request counts once.
        TestEvents.resend(kafka, onTime);
        TestEvents.resend(kafka, wrong);
        events.complaintConcluded(late, "2026-10-08T02:00:00Z", true);
        // Concluded at 01:30 on 1 November in Shanghai (the default zone): November's.
        events.complaintConcluded(UUID.randomUUID().toString(), "2026-10-31T17:30:00Z", true);

        await().untilAsserted(() -> report("2026-10")
                .jsonPath("$.kpis.complaintHandling.concluded").isEqualTo(3)
                .jsonPath("$.kpis.complaintHandling.onTime").isEqualTo(2)
                .jsonPath("$.kpis.complaintHandling.timelinessRate").isEqualTo(66.7)
                .jsonPath("$.kpis.consultationReplies.reviewed").isEqualTo(2)
                .jsonPath("$.kpis.consultationReplies.correct").isEqualTo(1)
                .jsonPath("$.kpis.consultationReplies.accuracyRate").isEqualTo(50.0));
        await().untilAsserted(() -> report("2026-11")
                .jsonPath("$.kpis.complaintHandling.concluded").isEqualTo(1)
                .jsonPath("$.kpis.complaintHandling.timelinessRate").isEqualTo(100.0)
                .jsonPath("$.kpis.consultationReplies.reviewed").isEqualTo(0)
                .jsonPath("$.kpis.consultationReplies.accuracyRate").doesNotExist());
        report("2026-10").jsonPath("$.analysis").value(java.util.List.class, paragraphs -> assertThat(paragraphs)
                .anySatisfy(p -> assertThat((String) p).contains("投诉处理及时率66.7%", "咨询回复准确率50%")));

        byte[] xlsx = web.get().uri("/api/v1/malls/{mall}/reports/monthly?month=2026-10", mall).accept(XLSX)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet kpis = workbook.getSheet("监控指标");
            assertThat(row(kpis, "本月结案投诉（件）").getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row(kpis, "投诉处理及时率（%）").getCell(1).getNumericCellValue()).isEqualTo(66.7);
            assertThat(row(kpis, "咨询回复准确率（%）").getCell(1).getNumericCellValue()).isEqualTo(50.0);
            assertThat(row(workbook.getSheet("概况"), "咨询回复准确率·监控指标（%）").getCell(1).getNumericCellValue())
                    .isEqualTo(50.0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        // The month's published figures carry both KPIs.
        web.post().uri("/api/v1/malls/{mall}/reports/monthly/2026-10/publish", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))).exchange().expectStatus().isOk();
        await().untilAsserted(() -> assertThat(published(mall, "mall.survey.satisfaction.monthly.v1")).singleElement()
                .satisfies(p -> {
                    assertThat(p.data().get("complaintsConcluded").asLong()).isEqualTo(3);
                    assertThat(p.data().get("complaintHandlingTimelinessRate").asDouble()).isEqualTo(66.7);
                    assertThat(p.data().get("consultationsReviewed").asLong()).isEqualTo(2);
                    assertThat(p.data().get("consultationReplyAccuracy").asDouble()).isEqualTo(50.0);
                }));
    }

    @Test
    @DisplayName("seed 003 §監控指標, contract C1: a KPI event counts in the month of the mall's own zone")
    void kpisCountInTheMallsZone() {
        events.mallSettings(1, "UTC");
        await().untilAsserted(() -> web.get().uri("/api/v1/malls/{mall}/report-settings", mall)
                .headers(h -> h.setBearerAuth(manager(mall))).exchange().expectBody().jsonPath("$.zone").isEqualTo("UTC"));
        // 17:30 UTC on 31 October: still October in UTC.
        events.consultationReviewed(UUID.randomUUID().toString(), "2026-10-31T17:30:00Z", true);
        await().untilAsserted(() -> report("2026-10").jsonPath("$.kpis.consultationReplies.reviewed").isEqualTo(1)
                .jsonPath("$.kpis.consultationReplies.accuracyRate").isEqualTo(100.0));
        report("2026-11").jsonPath("$.kpis.consultationReplies.reviewed").isEqualTo(0);
    }

    @Test
    @DisplayName("seed 003 §監控指標: this month's KPIs are per-mall Prometheus gauges")
    void thisMonthsKpisArePerMallGauges() {
        String now = Instant.now().toString();
        events.complaintConcluded(UUID.randomUUID().toString(), now, true);
        events.complaintConcluded(UUID.randomUUID().toString(), now, false);
        events.consultationReviewed(UUID.randomUUID().toString(), now, true);
        String tags = "{application=\"survey-service\",mall=\"" + mall + "\"}";
        await().untilAsserted(() -> assertThat(prometheus())
                .contains("msd_survey_kpi_complaint_timeliness_ratio" + tags + " 0.5")
                .contains("msd_survey_kpi_complaints_concluded" + tags + " 2.0")
                .contains("msd_survey_kpi_consultation_accuracy_ratio" + tags + " 1.0")
                .contains("msd_survey_kpi_consultations_reviewed" + tags + " 1.0"));
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

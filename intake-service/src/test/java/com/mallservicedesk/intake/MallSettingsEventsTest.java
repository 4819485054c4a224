package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.events.CloudEventHeaders;
import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A mall's settings as an aggregate with revisions, published for dispatch, callback and survey (contract C1). */
class MallSettingsEventsTest extends IntakeIntegrationTest {

    private static final String SETTINGS = "/api/v1/malls/{mall}/settings";
    private static final String CHANGED = "mall.intake.mall-settings.changed.v1";

    @Test
    @DisplayName("seed 000 §3.1.1, seed 003 §2, seed 004 品質監控: until it changes them a mall runs on the defaults")
    void aNewMallShowsTheDefaultDeskHoursAndLimits() {
        String mall = newMall();
        get(TestTokens.frontDesk(mall), SETTINGS, mall).expectStatus().isOk().expectBody()
                .jsonPath("$.revision").isEqualTo(0)
                .jsonPath("$.siteKind").isEqualTo("MALL")
                .jsonPath("$.deskHours.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.deskHours.alwaysOpen").isEqualTo(false)
                .jsonPath("$.deskHours.hours.MONDAY.open").isEqualTo("09:00")
                .jsonPath("$.deskHours.hours.SUNDAY.close").isEqualTo("21:00")
                .jsonPath("$.complaintHandoverLimit").isEqualTo("PT30M")
                .jsonPath("$.complaintInvestigationDays").isEqualTo(3)
                .jsonPath("$.complaintFeedbackDays").isEqualTo(5)
                .jsonPath("$.consultationReplyDays").isEqualTo(1)
                .jsonPath("$.suggestionEvaluationDays").isEqualTo(5);
    }

    @Test
    @DisplayName("C1: every change of a mall's settings is published keyed by the mall, with a revision one higher")
    void everyChangeIsPublishedWithTheNextRevision() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.malls.v1")) {
            put(TestTokens.supervisor(mall), SETTINGS, body("siteKind", "CAMPUS"), mall).expectStatus().isOk()
                    .expectBody().jsonPath("$.revision").isEqualTo(1).jsonPath("$.deskHours.alwaysOpen").isEqualTo(true);
            put(TestTokens.supervisor(mall), SETTINGS, body("siteKind", "MALL", "timeZone", "Asia/Taipei", "deskHours",
                    Map.of("hours", Map.of("MONDAY", Map.of("open", "10:00", "close", "22:00")),
                            "holidays", List.of("2026-12-25"),
                            "makeUpDays", Map.of("2026-12-27", Map.of("open", "10:00", "close", "18:00")))), mall)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.revision").isEqualTo(2)
                    .jsonPath("$.deskHours.zone").isEqualTo("Asia/Taipei")
                    .jsonPath("$.deskHours.hours.MONDAY.open").isEqualTo("10:00")
                    .jsonPath("$.deskHours.hours.TUESDAY").doesNotExist();

            await().atMost(shortly()).untilAsserted(() -> {
                var events = ofType(probe.records(), mall, CHANGED);
                assertThat(events).hasSize(2);
                assertThat(events).allSatisfy(r -> {
                    assertThat(CloudEventHeaders.read(r.headers(), CloudEventHeaders.SUBJECT)).isEqualTo(mall);
                    assertThat(CloudEventHeaders.read(r.headers(), CloudEventHeaders.CORRELATION_ID)).isEqualTo(mall);
                    assertThat(CloudEventHeaders.read(r.headers(), CloudEventHeaders.MALL_ID)).isEqualTo(mall);
                });
                assertThat(events.get(0).value()).contains("\"revision\":1", "\"siteKind\":\"CAMPUS\"",
                        "\"alwaysOpen\":true", "\"timeZone\":\"Asia/Shanghai\"", "\"changedAt\"");
                assertThat(events.get(1).value()).contains("\"revision\":2", "\"siteKind\":\"MALL\"",
                        "\"zone\":\"Asia/Taipei\"", "\"MONDAY\":{\"open\":\"10:00\",\"close\":\"22:00\"}",
                        "\"holidays\":[\"2026-12-25\"]", "\"2026-12-27\":{\"open\":\"10:00\",\"close\":\"18:00\"}");
            });
        }
    }

    @Test
    @DisplayName("seed 000 §3.1.1: desk hours and the register's limits are checked field by field (400)")
    void badDeskHoursAndLimitsAreNamedFieldByField() {
        String mall = newMall();
        put(TestTokens.supervisor(mall), SETTINGS, body("deskHours",
                        Map.of("hours", Map.of("MONDAY", Map.of("open", "09:00", "close", "09:30"))),
                        "complaintInvestigationDays", 0, "complaintHandoverLimit", "PT0S", "suggestionEvaluationDays", 99),
                mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[?(@.field == 'deskHours.hours.MONDAY')].code").isEqualTo("too-short")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains(
                        "complaintInvestigationDays", "complaintHandoverLimit", "suggestionEvaluationDays"));
        put(TestTokens.supervisor(mall), SETTINGS, body("deskHours", Map.of("hours", Map.of())), mall)
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("deskHours.hours")
                .jsonPath("$.errors[0].code").isEqualTo("no-working-time");
        put(TestTokens.supervisor(mall), SETTINGS, body("deskHours", Map.of("hours",
                Map.of("MONDAY", Map.of("open", "25:00", "close", "21:00")))), mall).expectStatus().isBadRequest();
        put(TestTokens.supervisor(mall), SETTINGS, body("siteKind", "PALACE"), mall).expectStatus().isBadRequest();
        get(TestTokens.frontDesk(mall), SETTINGS, mall).expectStatus().isOk().expectBody().jsonPath("$.revision")
                .isEqualTo(0);
    }

    @Test
    @DisplayName("C1: settings stored before revisions existed are adopted by their first change, revision 1")
    void settingsStoredBeforeRevisionsAreAdoptedOnTheirFirstChange() {
        String mall = newMall();
        mongo.save(new Document("_id", mall).append("acceptanceLimit", "PT3M").append("duplicateWindow", "PT30M")
                .append("timeZone", "Asia/Shanghai"), "intake_settings").block();
        get(TestTokens.frontDesk(mall), SETTINGS, mall).expectStatus().isOk().expectBody()
                .jsonPath("$.acceptanceLimit").isEqualTo("PT3M").jsonPath("$.revision").isEqualTo(0);
        try (TopicProbe probe = TopicProbe.on("intake.malls.v1")) {
            put(TestTokens.supervisor(mall), SETTINGS, body(), mall).expectStatus().isOk().expectBody()
                    .jsonPath("$.revision").isEqualTo(1).jsonPath("$.defaults").isEqualTo(false);
            await().atMost(shortly()).untilAsserted(() -> assertThat(ofType(probe.records(), mall, CHANGED))
                    .singleElement().satisfies(r -> assertThat(r.value()).contains("\"revision\":1")));
        }
    }

    private static Map<String, Object> body(Object... more) {
        var body = new HashMap<String, Object>(Map.of("acceptanceLimit", "PT5M", "duplicateWindow", "PT30M",
                "timeZone", "Asia/Shanghai"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }
}

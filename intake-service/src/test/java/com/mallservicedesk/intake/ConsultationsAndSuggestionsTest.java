package com.mallservicedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import com.mallservicedesk.platform.test.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Consultations answered later and reviewed, suggestions evaluated, each on its clock (seed 003). */
class ConsultationsAndSuggestionsTest extends IntakeIntegrationTest {

    private static final Map<String, String> CUSTOMER = Map.of("name", "林小姐", "phone", "13600002222");

    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("seed 003 §監控指標: a consultation is answered, then a supervisor records whether it was correct (C6)")
    void aConsultationIsAnsweredAndItsAnswerReviewed() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            var created = register(mall, Map.of("channel", "PHONE", "kind", "CONSULTATION", "description", "會員積分怎麼兌換?",
                    "customer", CUSTOMER));
            String id = (String) created.get("id");
            var reply = (Map<?, ?>) ((Map<?, ?>) created.get("followUps")).get("reply");
            assertThat(Instant.parse((String) reply.get("dueAt"))).isAfter(Instant.now());

            post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/requests/{id}/answer-review", Map.of("correct", true),
                    mall, id).expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("request-not-answered");
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/answer", Map.of("answer", "服務台憑小票兌換"),
                    mall, id).expectStatus().isOk().expectBody()
                    .jsonPath("$.answer").isEqualTo("服務台憑小票兌換")
                    .jsonPath("$.followUps.reply.doneAt").isNotEmpty()
                    .jsonPath("$.followUps.answeredBy").isEqualTo("front-desk-" + mall);
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/answer-review", Map.of("correct", true),
                    mall, id).expectStatus().isForbidden();
            post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/requests/{id}/answer-review",
                    Map.of("correct", false, "note", "兌換地點應為會員中心"), mall, id)
                    .expectStatus().isOk().expectBody().jsonPath("$.followUps.answerReview.correct").isEqualTo(false);

            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.consultation.reviewed.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"correct\":false", "\"answeredAt\"",
                            "\"reviewedBy\":\"supervisor-" + mall + "\"", "\"reviewedAt\"")));
        }
    }

    @Test
    @DisplayName("seed 003: a consultation still unanswered after its working day is published and counted as missed")
    void anUnansweredConsultationIsMissedOnTime() {
        String mall = newMall();
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            String id = (String) register(mall, Map.of("channel", "PHONE", "kind", "CONSULTATION",
                    "description", "發票怎麼開?", "customer", CUSTOMER, "receivedAt", lastWeek.toString())).get("id");

            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.consultation.reply-missed.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"dueAt\"", "\"missedAt\"")));
            await().atMost(shortly()).untilAsserted(() -> assertThat(missed(mall, "CONSULTATION_REPLY")).isEqualTo(1.0));
            assertThat((List<?>) request(mall, id).get("timeline")).anySatisfy(e -> assertThat(((Map<?, ?>) e).get("type"))
                    .isEqualTo("REPLY_OVERDUE"));
        }
    }

    @Test
    @DisplayName("seed 003 §3: a suggestion is evaluated by a supervisor or manager; one left too long is missed")
    void aSuggestionIsEvaluatedAndOneLeftTooLongIsMissed() {
        String mall = newMall();
        try (TopicProbe probe = TopicProbe.on("intake.requests.v1")) {
            String id = (String) register(mall, Map.of("channel", "VISIT", "kind", "SUGGESTION",
                    "description", "建議增設母嬰室指示牌", "customer", CUSTOMER)).get("id");
            post(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/requests/{id}/evaluation",
                    Map.of("adopted", true, "note", "x"), mall, id).expectStatus().isForbidden();
            post(manager(mall), "/api/v1/malls/{mall}/requests/{id}/evaluation", Map.of("adopted", true), mall, id)
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
            post(manager(mall), "/api/v1/malls/{mall}/requests/{id}/evaluation",
                    Map.of("adopted", true, "note", "下月起增設"), mall, id)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.followUps.evaluated.adopted").isEqualTo(true)
                    .jsonPath("$.followUps.evaluation.doneAt").isNotEmpty();
            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), id, "mall.intake.suggestion.evaluated.v1")).singleElement()
                    .satisfies(r -> assertThat(r.value()).contains("\"adopted\":true", "下月起增設")));

            String old = (String) register(mall, Map.of("channel", "VISIT", "kind", "SUGGESTION",
                    "description", "建議延長營業時間", "customer", CUSTOMER,
                    "receivedAt", Instant.now().minus(20, ChronoUnit.DAYS).toString())).get("id");
            await().atMost(shortly()).untilAsserted(() -> assertThat(
                    ofType(probe.records(), old, "mall.intake.suggestion.evaluation-missed.v1")).hasSize(1));
            await().atMost(shortly()).untilAsserted(() -> assertThat(missed(mall, "SUGGESTION_EVALUATION")).isEqualTo(1.0));
        }
    }

    private double missed(String mall, String clock) {
        var counter = meters.find("msd.intake.follow-ups.missed").tag("mall", mall).tag("clock", clock).counter();
        return counter == null ? 0 : counter.count();
    }
}

package com.mallservicedesk.survey.campaign;

import static com.mallservicedesk.survey.formula.Level.BASICALLY_SATISFIED;
import static com.mallservicedesk.survey.formula.Level.DISSATISFIED;
import static com.mallservicedesk.survey.formula.Level.SATISFIED;
import static com.mallservicedesk.survey.formula.Level.VERY_SATISFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.survey.formula.Level;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SurveyCampaignRulesTest {

    private final SurveyCampaign campaign = CampaignMother.opened().aggregate();

    @Test
    void openingDrawsTheSampleAndPlansTheCloseAtThePeriodsEndInTheMallsZone() {
        var created = CampaignMother.opened();
        assertThat(created.aggregate().getId()).isEqualTo("sv-M001-2026-H2");
        assertThat(created.aggregate().getClosesAt()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(created.aggregate().getForms().get(0).respondents()).hasSize(2 + 1 + 3);
        assertThat(created.aggregate().getForms().get(1).respondents()).hasSize(3);
        assertThat(created.aggregate().getTimerOutbox()).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z")));
        assertThat(created.events()).singleElement().isInstanceOf(CampaignEvents.Opened.class);
    }

    @Test
    void aPeriodThatHasEndedCannotBeSurveyed() {
        assertThatThrownBy(() -> SurveyCampaign.open("M001", CampaignMother.plan(1, 1L), CampaignMother.directory(), "sup",
                Instant.parse("2027-01-02T00:00:00Z")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("survey-period-ended"));
        assertThatThrownBy(() -> SurveyPeriod.parse("2026-H3")).isInstanceOf(ApiException.class);
    }

    @Test
    void onlySampledRespondentsAnswerEachOnceAndOnlyTheirFormsItems() {
        campaign.respond("A1", Map.of("ENVIRONMENT", SATISFIED), null, "desk", CampaignMother.NOW);
        assertThatThrownBy(() -> campaign.respond("A1", Map.of("ENVIRONMENT", SATISFIED), null, "desk", CampaignMother.NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("survey-already-answered");
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                });
        assertThatThrownBy(() -> campaign.respond("C10", Map.of("ENVIRONMENT", SATISFIED), null, "desk", CampaignMother.NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("survey-respondent-not-sampled");
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                });
        assertThatThrownBy(() -> campaign.respond("ENGINEERING", Map.of("ENVIRONMENT", SATISFIED), null, "desk",
                CampaignMother.NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("survey-item-unknown"));
    }

    @Test
    void resultsFollowTheSeedsFormulasPerRespondentItemFormAndGroup() {
        // A1: 3 of 3 satisfied; A2: 2 of 3 (66.7 %); C01 (typical): 1 of 2.
        campaign.respond("A1", Map.of("ENVIRONMENT", VERY_SATISFIED, "SECURITY", SATISFIED, "REPAIR", BASICALLY_SATISFIED),
                null, "desk", CampaignMother.NOW);
        campaign.respond("A2", Map.of("ENVIRONMENT", SATISFIED, "SECURITY", SATISFIED, "REPAIR", DISSATISFIED),
                null, "desk", CampaignMother.NOW);
        campaign.respond("C01", Map.of("ENVIRONMENT", VERY_SATISFIED, "REPAIR", Level.VERY_DISSATISFIED), null, "desk",
                CampaignMother.NOW);
        campaign.respond("ENGINEERING", Map.of("COOPERATION", SATISFIED, "RESPONSE", SATISFIED), null, "eng",
                CampaignMother.NOW);

        SurveyResults results = campaign.results();
        assertThat(results.respondents()).extracting(SurveyResults.RespondentResult::respondentId,
                        SurveyResults.RespondentResult::satisfaction)
                .contains(org.assertj.core.groups.Tuple.tuple("A2", 66.7), org.assertj.core.groups.Tuple.tuple("C01", 50.0));
        // Form A: (1 + 0.6667 + 0.5) / 3 = 72.2 %; overall with the department's 100 %: 79.2 %.
        assertThat(results.forms().get(0).satisfaction()).isEqualTo(72.2);
        assertThat(results.overall()).isEqualTo(79.2);
        // REPAIR scored 3 + 2 + 1 = 6 of 3 × 5 = 15 → 40 %; ENVIRONMENT 5 + 4 + 5 = 14 of 15 → 93.3 %.
        assertThat(results.forms().get(0).items()).extracting(SurveyResults.ItemResult::code,
                        SurveyResults.ItemResult::totalScore, SurveyResults.ItemResult::maxScore,
                        SurveyResults.ItemResult::satisfaction, SurveyResults.ItemResult::belowTarget)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ENVIRONMENT", 14L, 15L, 93.3, false),
                        org.assertj.core.groups.Tuple.tuple("SECURITY", 8L, 10L, 80.0, true),
                        org.assertj.core.groups.Tuple.tuple("REPAIR", 6L, 15L, 40.0, true));
        assertThat(results.groups()).extracting(SurveyResults.GroupResult::group, SurveyResults.GroupResult::responded,
                        SurveyResults.GroupResult::satisfaction)
                .contains(org.assertj.core.groups.Tuple.tuple(RespondentGroup.ANCHOR_STORE, 2, 83.3),
                        org.assertj.core.groups.Tuple.tuple(RespondentGroup.TYPICAL_COUNTER, 1, 50.0),
                        org.assertj.core.groups.Tuple.tuple(RespondentGroup.SAMPLED_COUNTER, 0, null),
                        org.assertj.core.groups.Tuple.tuple(RespondentGroup.DEPARTMENT, 1, 100.0));
        assertThat(results.sampled()).isEqualTo(9);
        assertThat(results.responseRate()).isEqualTo(44.4);
    }

    @Test
    void closingOnceNamesTheItemsBelowTargetAndStopsAnswers() {
        campaign.respond("A1", Map.of("ENVIRONMENT", SATISFIED, "SECURITY", DISSATISFIED), null, "desk", CampaignMother.NOW);
        var events = campaign.close("sup", CampaignMother.NOW);
        assertThat(events).singleElement().isInstanceOfSatisfying(CampaignEvents.Closed.class,
                closed -> assertThat(closed.itemsBelowTarget()).containsExactly("A.ENVIRONMENT", "A.SECURITY"));
        assertThat(campaign.getTimerOutbox()).anyMatch(t -> t.cancels());
        assertThat(campaign.close(null, CampaignMother.NOW)).isEmpty();
        assertThatThrownBy(() -> campaign.respond("A2", Map.of("ENVIRONMENT", SATISFIED), null, "desk", CampaignMother.NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("survey-closed"));
    }
}

package com.mallservicedesk.survey.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.survey.SurveyEvents;
import com.mallservicedesk.survey.SurveyIntegrationTest;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SatisfactionGaugesTest extends SurveyIntegrationTest {

    @Test
    void satisfactionAndCallbackRateOfTheCurrentMonthArePerMallGauges() {
        String mall = newMall();
        SurveyEvents events = events(mall);
        String month = YearMonth.from(Instant.now().atZone(ZoneId.of("Asia/Shanghai"))).toString();
        events.callbackAnswered("r-1", "ENGINEERING", "SATISFIED", "SATISFIED", "DISSATISFIED", Instant.now().toString());
        events.callbackStats(month, null, 40, 37, 0.925, 0.97);
        // The gauges list the malls survey has figures for: this mall's first reception figures register it.
        events.request("REPAIR", "PHONE", Instant.now().toString());

        String tags = "{application=\"survey-service\",mall=\"" + mall + "\"}";
        await().untilAsserted(() -> assertThat(prometheus())
                .contains("msd_survey_callback_satisfaction_ratio" + tags + " 0.667")
                .contains("msd_survey_callback_respondents" + tags + " 1.0")
                .contains("msd_survey_callback_rate_ratio" + tags + " 0.925")
                .contains("msd_survey_callback_completions" + tags + " 40.0"));
    }

    @Test
    void mallsReadTogetherEachKeepTheirOwnFigures() {
        String first = newMall();
        String second = newMall();
        String month = YearMonth.from(Instant.now().atZone(ZoneId.of("Asia/Shanghai"))).toString();
        events(first).callbackStats(month, null, 40, 37, 0.925, 0.97);
        events(first).request("REPAIR", "PHONE", Instant.now().toString());
        events(second).callbackStats(month, null, 8, 2, 0.25, 0.5);
        events(second).callbackAnswered("r-2", "ENGINEERING", "SATISFIED", "SATISFIED", "SATISFIED",
                Instant.now().toString());
        events(second).request("REPAIR", "PHONE", Instant.now().toString());

        String firstTags = "{application=\"survey-service\",mall=\"" + first + "\"}";
        String secondTags = "{application=\"survey-service\",mall=\"" + second + "\"}";
        await().untilAsserted(() -> assertThat(prometheus())
                .contains("msd_survey_callback_rate_ratio" + firstTags + " 0.925")
                .contains("msd_survey_callback_completions" + firstTags + " 40.0")
                .doesNotContain("msd_survey_callback_satisfaction_ratio" + firstTags)
                .contains("msd_survey_callback_rate_ratio" + secondTags + " 0.25")
                .contains("msd_survey_callback_completions" + secondTags + " 8.0")
                .contains("msd_survey_callback_satisfaction_ratio" + secondTags + " 1.0"));
    }
}

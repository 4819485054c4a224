package com.mallservicedesk.survey.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.survey.directory.DirectoryEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign's respondents are bounded, so its view, results and evaluation stay a bounded size. */
class CampaignBoundsTest {

    @Test
    void aDirectoryWithMoreAnchorStoresThanACampaignCanSurveyIsRefused() {
        List<DirectoryEntry> stores = new ArrayList<>();
        for (int i = 0; i <= SurveyCampaign.MAX_RESPONDENTS; i++) {
            stores.add(CampaignMother.store("A%05d".formatted(i), "大店" + i, DirectoryEntry.ANCHOR_STORE, true));
        }

        assertThatThrownBy(() -> SurveyCampaign.open("M001", CampaignMother.plan(0, 1L), stores, "sup", CampaignMother.NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("survey-sample-too-large");
                    assertThat(e.status().value()).isEqualTo(422);
                });
        assertThat(SurveyCampaign.open("M001", CampaignMother.plan(0, 1L), stores.subList(0, SurveyCampaign.MAX_RESPONDENTS),
                "sup", CampaignMother.NOW).aggregate().getForms().get(0).respondents()).hasSize(SurveyCampaign.MAX_RESPONDENTS);
    }
}

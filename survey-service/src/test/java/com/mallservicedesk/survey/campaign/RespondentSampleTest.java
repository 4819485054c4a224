package com.mallservicedesk.survey.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.problem.ApiException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespondentSampleTest {

    @Test
    void everyAnchorStoreTheTypicalCountersAndASampleOfTheOthers() {
        List<Respondent> respondents = RespondentSample.formA(CampaignMother.directory(), List.of("C01", "C02"), 3, 7L);
        assertThat(respondents).filteredOn(r -> r.group() == RespondentGroup.ANCHOR_STORE)
                .extracting(Respondent::id).containsExactly("A1", "A2");
        assertThat(respondents).filteredOn(r -> r.group() == RespondentGroup.TYPICAL_COUNTER)
                .extracting(Respondent::id).containsExactly("C01", "C02");
        assertThat(respondents).filteredOn(r -> r.group() == RespondentGroup.SAMPLED_COUNTER).hasSize(3)
                .extracting(Respondent::id).doesNotContain("C01", "C02", "C10"); // typical ones and the closed one
    }

    @Test
    void theSameSeedDrawsTheSameSampleWhateverOrderTheDirectoryComesIn() {
        var directory = new java.util.ArrayList<>(CampaignMother.directory());
        List<Respondent> first = RespondentSample.formA(directory, List.of(), 4, 20261101L);
        Collections.reverse(directory);
        assertThat(RespondentSample.formA(directory, List.of(), 4, 20261101L)).isEqualTo(first);
        // Another seed draws another sample (for this directory and these seeds).
        assertThat(RespondentSample.formA(CampaignMother.directory(), List.of(), 4, 1L)).isNotEqualTo(first);
    }

    @Test
    void aSampleLargerThanTheCountersTakesThemAll() {
        assertThat(RespondentSample.formA(CampaignMother.directory(), List.of(), 50, 1L))
                .filteredOn(r -> r.group() == RespondentGroup.SAMPLED_COUNTER).hasSize(9);
    }

    @Test
    void aTypicalCounterMustBeAnActiveStoreOfTheDirectory() {
        assertThatThrownBy(() -> RespondentSample.formA(CampaignMother.directory(), List.of("C10"), 1, 1L))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo("survey-typical-tenant-unknown"));
        assertThatThrownBy(() -> RespondentSample.formA(CampaignMother.directory(), List.of("NOPE"), 1, 1L))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void formBIsTheRelatedDepartments() {
        assertThat(RespondentSample.formB(List.of("ENGINEERING", "SECURITY", "ENGINEERING")))
                .extracting(Respondent::id, Respondent::group)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ENGINEERING", RespondentGroup.DEPARTMENT),
                        org.assertj.core.groups.Tuple.tuple("SECURITY", RespondentGroup.DEPARTMENT));
    }
}

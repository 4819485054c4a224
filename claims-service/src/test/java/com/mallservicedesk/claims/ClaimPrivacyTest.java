package com.mallservicedesk.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Phone numbers of the people in a claim file (parties, injured, third parties, witnesses) follow the kit's one
 * disclosure rule. No department handles a claim file, so only the front desk sees them in full; supervisors and the
 * property manager see them masked (the manager still reads ID numbers: that is the separate ID-number rule), and
 * department staff have no claim views at all.
 */
class ClaimPrivacyTest extends ClaimsIntegrationTest {

    private static final List<String> FULL = List.of("13911112222", "13633334444", "13900001111", "13755556666");
    private static final List<String> MASKED = List.of("139****2222", "136****4444", "139****1111", "137****6666");

    private final String mall = newMall();
    private String id;

    @BeforeEach
    void aClaimWithPeopleAndAWitness() {
        var facts = slipFacts();
        facts.put("parties", List.of(Map.of("name", "保洁员张师傅", "role", "当值保洁", "contact", "13911112222")));
        facts.put("injured", List.of(Map.of("name", "李梅", "idNumber", "110101199003071234", "injury", "右手腕扭伤",
                "contact", "13633334444")));
        facts.put("thirdParties", List.of(Map.of("name", "路人王先生", "contact", "13900001111")));
        id = (String) register(mall, facts).get("id");
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/witnesses", Map.of("name", "证人赵女士",
                "contact", "13755556666", "statement", "看到顾客滑倒", "signed", true), mall, id).expectStatus().isCreated();
    }

    private String view(String token) {
        return get(token, "/api/v1/malls/{mall}/claims/{id}", mall, id).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private String reportText(String token) throws Exception {
        byte[] pdf = get(token, "/api/v1/malls/{mall}/claims/{id}/incident-report", mall, id).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theFrontDeskSeesEveryNumberInFullSupervisorsAndManagersMaskedOnes() {
        assertThat(view(frontDesk(mall))).contains(FULL);
        for (String token : List.of(TestTokens.supervisor(mall), manager(mall))) {
            String view = view(token);
            assertThat(view).contains(MASKED);
            FULL.forEach(number -> assertThat(view).doesNotContain(number));
        }
        // The ID-number rule is separate and unchanged: the property manager reads it in full, a supervisor masked.
        assertThat(view(manager(mall))).contains("110101199003071234");
        assertThat(view(TestTokens.supervisor(mall))).doesNotContain("110101199003071234").contains("1101**********1234");
    }

    @Test
    void departmentStaffHaveNoClaimViewsTheHandlingDepartmentIncluded() {
        for (String staff : List.of(TestTokens.deptStaff(mall, "SECURITY"), TestTokens.deptStaff(mall, "CLEANING"))) {
            get(staff, "/api/v1/malls/{mall}/claims/{id}", mall, id).expectStatus().isForbidden()
                    .expectBody(String.class).value(body -> FULL.forEach(n -> assertThat(body).doesNotContain(n)));
            get(staff, "/api/v1/malls/{mall}/claims", mall).expectStatus().isForbidden();
            get(staff, "/api/v1/malls/{mall}/claims/{id}/incident-report", mall, id).expectStatus().isForbidden();
        }
    }

    @Test
    void theClaimsListHoldsNoPhoneNumbersForAnyone() {
        for (String token : List.of(frontDesk(mall), TestTokens.supervisor(mall), manager(mall))) {
            String list = get(token, "/api/v1/malls/{mall}/claims", mall).expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(list).contains(id);
            FULL.forEach(number -> assertThat(list).doesNotContain(number));
            MASKED.forEach(number -> assertThat(list).doesNotContain(number));
        }
    }

    @Test
    void theIncidentReportShowsTheWitnessNumberAsItsReaderMaySeeIt() throws Exception {
        assertThat(reportText(frontDesk(mall))).contains("13755556666");
        for (String token : List.of(TestTokens.supervisor(mall), manager(mall))) {
            String text = reportText(token);
            assertThat(text).contains("137****6666");
            FULL.forEach(number -> assertThat(text).doesNotContain(number));
        }
    }

    @Test
    void aWitnessRecordedByASupervisorComesBackMasked() {
        post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/witnesses", Map.of("name", "保安小刘",
                "contact", "13812345678"), mall, id).expectStatus().isCreated()
                .expectBody().jsonPath("$.contact").isEqualTo("138****5678");
    }

    @Test
    void factsSentBackWithTheMaskedNumbersASupervisorSawKeepTheStoredNumbers() {
        Map<String, Object> seen = body(get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}", mall, id)
                .expectStatus().isOk());
        var facts = slipFacts();
        facts.put("parties", seen.get("parties"));
        facts.put("injured", seen.get("injured"));
        facts.put("thirdParties", seen.get("thirdParties"));
        facts.put("account", "补充:顾客当时穿高跟鞋");
        put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/facts", facts, mall, id).expectStatus().isOk();

        assertThat(view(frontDesk(mall))).contains("13911112222", "13633334444", "13900001111")
                .doesNotContain("139****2222");
    }
}

package com.mallservicedesk.survey;

import com.mallservicedesk.platform.test.Problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Every list of survey is a page of {items, page, size, total}: campaigns (as summaries, without their respondents),
 * improvement actions and the platform report's malls. Page, size and sort outside the convention are 400s.
 */
class SurveyPagingTest extends SurveyIntegrationTest {

    private final String mall = newMall();

    private Map<String, Object> page(String token, String uri) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @Test
    void campaignsAreAPageOfSummariesNewestPeriodFirst() {
        for (String period : List.of("2026-H2", "2027-H1")) {
            web.post().uri("/api/v1/malls/{mall}/surveys", mall).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(map("period", period, "sampleSize", 0))
                    .exchange().expectStatus().isCreated();
        }
        Map<String, Object> first = page(TestTokens.frontDesk(mall), "/api/v1/malls/" + mall + "/surveys?size=1");
        assertThat(first).containsEntry("page", 0).containsEntry("size", 1).containsEntry("total", 2);
        List<Map<String, Object>> items = (List<Map<String, Object>>) first.get("items");
        assertThat(items).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("period", "2027-H1").containsKey("respondents").doesNotContainKey("forms");
        });
        assertThat((List<Map<String, Object>>) page(TestTokens.frontDesk(mall), "/api/v1/malls/" + mall
                + "/surveys?sort=period").get("items")).extracting(c -> c.get("period")).containsExactly("2026-H2", "2027-H1");
        assertThat(page(manager(mall), "/api/v1/malls/" + mall + "/improvements")).containsEntry("items", List.of())
                .containsEntry("size", 50).containsEntry("total", 0);
    }

    @Test
    void thePlatformReportIsAPageOfMalls() {
        events(mall).request("REPAIR", "PHONE", "2026-09-10T02:00:00Z");
        await().untilAsserted(() -> {
            Map<String, Object> all = page(TestTokens.platformAdmin(), "/api/v1/platform/reports/monthly?month=2026-09&size=1");
            assertThat(all).containsEntry("page", 0).containsEntry("size", 1).containsEntry("month", "2026-09");
            assertThat((List<?>) all.get("items")).hasSize(1);
            assertThat(((Number) all.get("total")).intValue()).isGreaterThanOrEqualTo(1);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/surveys?page=-1|page", "/surveys?page=10001|page", "/surveys?size=0|size", "/surveys?size=201|size",
            "/surveys?sort=seed|sort", "/surveys?sort=,|sort",
            "/improvements?page=x|page", "/improvements?size=500|size", "/improvements?sort=plan|sort",
            "/improvements?sort=-|sort"})
    void pagesSizesAndSortsOutsideTheConventionAreBadRequests(String path, String field) {
        Map<String, Object> problem = Problems.rejected(web, 400, "validation-failed", client -> client.get()
                .uri(raw("/api/v1/malls/" + mall + path)).headers(h -> h.setBearerAuth(manager(mall))));
        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(e -> e.get("field")).containsExactly(field);
    }

    @ParameterizedTest
    @CsvSource({"page=10001,page", "size=0,size", "size=201,size", "page=-3,page"})
    void thePlatformReportsPagesFollowTheConventionToo(String query, String field) {
        Map<String, Object> problem = Problems.rejected(web, 400, "validation-failed", client -> client.get()
                .uri(raw("/api/v1/platform/reports/monthly?month=2026-09&" + query))
                .headers(h -> h.setBearerAuth(TestTokens.platformAdmin())));
        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(e -> e.get("field")).containsExactly(field);
    }
}

package com.mallservicedesk.claims;

import com.mallservicedesk.platform.test.Problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The claims list and a claim's long sub-lists (timeline, evidence) are pages of {items, page, size, total}; a claim
 * view shows only the latest timeline steps, and page, size and sort outside the convention are 400s.
 */
class ClaimPagingTest extends ClaimsIntegrationTest {

    private final String mall = newMall();

    private Map<String, Object> page(String uri) {
        return body(get(TestTokens.supervisor(mall), uri, mall).expectStatus().isOk());
    }

    @Test
    void theClaimsListIsAPageNewestFirstOrSortedByAListedField() {
        var earlier = slipFacts();
        earlier.put("occurredAt", Instant.now().minus(Duration.ofDays(2)).toString());
        String first = (String) register(mall, earlier).get("id");
        String second = (String) register(mall, slipFacts()).get("id");

        Map<String, Object> newest = page("/api/v1/malls/{mall}/claims?size=1");
        assertThat(newest).containsEntry("page", 0).containsEntry("size", 1).containsEntry("total", 2);
        assertThat((List<Map<String, Object>>) newest.get("items")).extracting(c -> c.get("id")).containsExactly(second);
        assertThat((List<Map<String, Object>>) page("/api/v1/malls/{mall}/claims?sort=occurredAt").get("items"))
                .extracting(c -> c.get("id")).containsExactly(first, second);
        assertThat(page("/api/v1/malls/{mall}/claims")).containsEntry("size", 20);
        assertThat(page("/api/v1/malls/{mall}/claims?page=10000&size=200")).containsEntry("items", List.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/claims?page=-1|page", "/claims?page=10001|page", "/claims?page=x|page", "/claims?size=0|size",
            "/claims?size=201|size", "/claims?size=1.5|size", "/claims?sort=injured|sort", "/claims?sort=,|sort",
            "/claims?sort=openedAt,stage|sort",
            "/claims/ID/evidence?page=10001|page", "/claims/ID/evidence?size=0|size",
            "/claims/ID/timeline?page=-1|page", "/claims/ID/timeline?size=999|size"})
    void pagesSizesAndSortsOutsideTheConventionAreBadRequests(String path, String field) {
        String id = (String) register(mall, slipFacts()).get("id");
        Map<String, Object> problem = Problems.rejected(web, 400, "validation-failed", client -> client.get()
                .uri(raw("/api/v1/malls/" + mall + path.replace("ID", id)))
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall))));
        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(e -> e.get("field")).containsExactly(field);
    }

    @Test
    void aClaimShowsItsLatestTimelineStepsAndTheWholeTimelineComesInPages() {
        String id = (String) register(mall, slipFacts()).get("id");
        for (int i = 0; i < 60; i++) {
            put(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/handler",
                    Map.of("handlerId", "h" + i, "handlerName", "处理人" + i), mall, id).expectStatus().isOk();
        }
        Map<String, Object> claim = claim(mall, id);
        List<Map<String, Object>> shown = (List<Map<String, Object>>) claim.get("timeline");
        assertThat(claim).containsEntry("timelineTotal", 61);
        assertThat(shown).hasSize(50);
        assertThat(shown.get(shown.size() - 1).get("detail").toString()).contains("h59");

        Map<String, Object> firstPage = page("/api/v1/malls/{mall}/claims/" + id + "/timeline?size=10");
        assertThat(firstPage).containsEntry("total", 61).containsEntry("size", 10);
        assertThat((List<Map<String, Object>>) firstPage.get("items")).hasSize(10).first()
                .satisfies(step -> assertThat(step).containsEntry("action", "OPENED"));
        assertThat((List<?>) page("/api/v1/malls/{mall}/claims/" + id + "/timeline?page=6&size=10").get("items")).hasSize(1);
        assertThat(page("/api/v1/malls/{mall}/claims/" + id + "/evidence")).containsEntry("total", 0)
                .containsEntry("items", List.of());
    }
}

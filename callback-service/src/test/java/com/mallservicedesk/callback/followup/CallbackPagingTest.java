package com.mallservicedesk.callback.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.callback.CallbackIntegrationTest;
import com.mallservicedesk.platform.test.Problems;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;

/** The queue answers pages of {items, page, size, total}; page, size and sort outside the convention are 400s. */
class CallbackPagingTest extends CallbackIntegrationTest {

    private final String mall = newMall();
    private final String desk = TestTokens.frontDesk(mall);

    private Map<String, Object> page(String query) {
        return web.get().uri("/api/v1/malls/{mall}/callbacks" + query, mall).headers(h -> h.setBearerAuth(desk))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @Test
    void theQueueIsAPageWithItsPositionAndTotalSortedByAListedField() {
        Instant now = clock.instant();
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        completeWork(mall, older, "REPAIR", 1, now.minus(Duration.ofDays(1)));
        completeWork(mall, newer, "REPAIR", 1, now);
        awaitCallback(mall, callbackIdFor(older, 1));
        awaitCallback(mall, callbackIdFor(newer, 1));

        Map<String, Object> first = page("?size=1");
        assertThat(first).containsEntry("page", 0).containsEntry("size", 1).containsEntry("total", 2);
        assertThat((List<Map<String, Object>>) first.get("items")).extracting(c -> c.get("id"))
                .containsExactly(callbackIdFor(older, 1));
        assertThat((List<Map<String, Object>>) page("?sort=dueAt,desc").get("items")).extracting(c -> c.get("id"))
                .containsExactly(callbackIdFor(newer, 1), callbackIdFor(older, 1));
        assertThat(page("")).containsEntry("size", 50);
        // The last page allowed is a page like any other, empty here.
        assertThat(page("?page=10000&size=200")).containsEntry("page", 10000).containsEntry("items", List.of())
                .containsEntry("total", 2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "page=-1|page", "page=10001|page", "page=abc|page", "page=99999999999999999999|page", "page=1e3|page",
            "size=0|size", "size=201|size", "size=x|size",
            "sort=phone|sort", "sort=,|sort", "sort=|sort", "sort=-|sort", "sort=-dueAt|sort", "sort=dueAt,phone|sort",
            "sort=%00|sort"})
    void pagesSizesAndSortsOutsideTheConventionAreBadRequests(String query, String field) {
        Map<String, Object> problem = Problems.rejected(web, 400, "validation-failed",
                client -> client.get().uri("/api/v1/malls/" + mall + "/callbacks?" + query)
                        .headers(h -> h.setBearerAuth(desk)));
        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(e -> e.get("field")).containsExactly(field);
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        Map<String, Object> problem = Problems.rejected(web, 400, "validation-failed",
                client -> client.get().uri("/api/v1/malls/" + mall + "/callbacks?page=-1&size=0&sort=x")
                        .headers(h -> h.setBearerAuth(desk)));
        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(e -> e.get("field"))
                .containsExactly("page", "size", "sort");
    }
}

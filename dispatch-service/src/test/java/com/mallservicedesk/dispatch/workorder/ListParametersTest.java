package com.mallservicedesk.dispatch.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Every list takes page 0–10,000, size 1–200 and only listed sort fields; anything else is a 400 naming the field. */
class ListParametersTest extends DispatchIntegrationTest {

    private final String mall = newMall();

    private void refused(String path, String field) {
        web.get().uri("/api/v1/malls/" + mall + path).headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void theWorkOrderListRefusesUnlistedSortsAndPagesBeyondTheLimit() {
        refused("/work-orders?sort=,", "sort");
        refused("/work-orders?sort=description", "sort");
        refused("/work-orders?sort=createdAt,sideways", "sort");
        refused("/work-orders?sort=createdAt,desc,again", "sort");
        refused("/work-orders?page=10001", "page");
        refused("/work-orders?page=2000000000&size=200", "page");
        refused("/work-orders?page=-1", "page");
        refused("/work-orders?size=0", "size");
        refused("/work-orders?size=201", "size");
        web.get().uri("/api/v1/malls/{mall}/work-orders?page=10000&size=200", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void theWorkOrderListSortsByAListedField() {
        String first = "wo-" + register(mall, "REPAIR", "PHONE", "1F", "A");
        awaitOrder(mall, first);
        String second = "wo-" + register(mall, "REPAIR", "PHONE", "1F", "A");
        awaitOrder(mall, second);
        assertThat(ids("createdAt,asc")).containsExactly(first, second);
        assertThat(ids("createdAt")).containsExactly(first, second);
        assertThat(ids("createdAt,desc")).containsExactly(second, first);
        assertThat(ids(null)).containsExactly(second, first);
    }

    private List<Object> ids(String sort) {
        var page = web.get().uri(sort == null ? "/api/v1/malls/" + mall + "/work-orders"
                        : "/api/v1/malls/" + mall + "/work-orders?sort=" + sort)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(o -> o.get("id")).toList();
    }

    @Test
    void theDepartmentListIsPagedLikeEveryOtherList() {
        for (String code : List.of("CLEANING", "ENGINEERING", "SECURITY")) {
            putDepartment(mall, code, aroundTheClock());
        }
        web.get().uri("/api/v1/malls/{mall}/departments?page=1&size=2", mall)
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "SECURITY")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3).jsonPath("$.page").isEqualTo(1).jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].code").isEqualTo("SECURITY");
        refused("/departments?size=500", "size");
        refused("/departments?page=10001", "page");
        refused("/departments?page=-1", "page");
    }
}

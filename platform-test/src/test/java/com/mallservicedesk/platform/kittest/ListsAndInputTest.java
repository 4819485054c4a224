package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * The kit's list and input classes over HTTP: paging and sorting outside the convention, control characters and
 * implausible times are 400 {@code validation-failed} naming each field; an address the security firewall refuses is a
 * 400 {@code request-rejected} problem, in Chinese and English.
 */
class ListsAndInputTest extends KitIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    private final String mall = "L" + UUID.randomUUID().toString().substring(0, 8);

    private Map<String, Object> list(String query, int status) {
        return web.get().uri("/api/v1/malls/" + mall + "/parcels" + query)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> refused(String query) {
        Map<String, Object> problem = list(query, 400);
        assertThat(problem).containsEntry("code", "validation-failed").containsEntry("status", 400);
        return (List<Map<String, Object>>) problem.get("errors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aListIsAPageSortedByAListedField() {
        for (String label : List.of("b", "c", "a")) {
            registeredParcelId(mall, label);
        }
        Map<String, Object> first = list("", 200);
        assertThat(first).containsEntry("page", 0).containsEntry("size", 20).containsEntry("total", 3);
        assertThat((List<Map<String, Object>>) first.get("items")).extracting(p -> p.get("label"))
                .containsExactly("a", "b", "c");
        assertThat((List<Map<String, Object>>) list("?sort=label,desc&size=2&page=1", 200).get("items"))
                .extracting(p -> p.get("label")).containsExactly("a");
        assertThat((List<Map<String, Object>>) list("?sort=label,DESC", 200).get("items"))
                .extracting(p -> p.get("label")).containsExactly("c", "b", "a");
        assertThat(list("?sort=id&page=10000&size=200", 200)).containsEntry("items", List.of()).containsEntry("total", 3);
    }

    @Test
    void pagesAndSizesOutsideTheBoundsOrNotNumbersAreNamed() {
        assertThat(refused("?page=10001&size=201")).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("page:out-of-range", "size:out-of-range");
        assertThat(refused("?page=-1&size=0")).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("page:invalid-value", "size:out-of-range");
        assertThat(refused("?page=abc&size=100000000000000000000")).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("page:invalid-value", "size:invalid-value");
        assertThat(refused("?page=1e3")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "page").containsEntry("min", 0).containsEntry("max", 10000));
    }

    @Test
    void aSortIsExactlyAListedFieldAndDirection() {
        for (String sort : List.of(",", "", "foo", "label,up", "-label", "label,desc,id", "_id")) {
            assertThat(refused("?sort=" + sort)).as("sort=" + sort).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("field", "sort").containsEntry("code", "unsupported")
                    .containsEntry("allowed", List.of("label", "id")));
        }
        assertThat(refused("?page=x&sort=foo")).extracting(e -> e.get("field")).containsExactly("page", "sort");
    }

    private Map<String, Object> remark(Map<String, Object> body, String language) {
        return web.post().uri("/api/v1/malls/{mall}/remarks", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP).returnResult().getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void controlCharactersAndImplausibleTimesAreFieldProblemsWithTheKitsTexts() {
        web.post().uri("/api/v1/malls/{mall}/remarks", mall).headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "三樓 😀", "text", "第一行\r\n\t第二行", "at", "2026-11-25T10:00:00Z",
                        "local", "2026-11-25T18:00:00+08:00", "day", "2099-12-31"))
                .exchange().expectStatus().isNoContent();

        Map<String, Object> bad = Map.of("title", "two\nlines", "text", "bell\u0007", "at", "-999999999-01-01T00:00:00Z",
                "local", "2100-01-01T00:00:00+00:00", "day", "1999-12-31");
        Map<String, Object> zh = remark(bad, "zh-CN");
        assertThat(zh).containsEntry("code", "validation-failed");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) zh.get("errors");
        assertThat(errors).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactlyInAnyOrder(
                "title:PlainText", "text:PlainText", "at:PlausibleTime", "local:PlausibleTime", "day:PlausibleTime");
        assertThat(errors).extracting(e -> e.get("message")).contains("不能包含控制字符", "须在 2000 年至 2099 年之间");
        assertThat((List<Map<String, Object>>) remark(bad, "en").get("errors")).extracting(e -> e.get("message"))
                .contains("must not contain control characters", "must lie between 2000 and 2099");
    }

    @Test
    void anAddressTheFirewallRefusesIsAProblemInTheCallersLanguage() {
        for (String path : List.of("/parcels/%00x", "/parcels/a%2Fb", "/parcels/..%2F..%2Fremarks", "/parcels/x;y")) {
            for (String language : List.of("zh-CN", "en")) {
                URI address = URI.create("http://localhost:" + port + "/api/v1/malls/" + mall + path);
                Map<String, Object> problem = web.get().uri(address)
                        .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                        .header("Accept-Language", language)
                        .exchange().expectStatus().isBadRequest()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody(MAP).returnResult().getResponseBody();
                assertThat(problem).as(path).containsEntry("code", "request-rejected").containsEntry("status", 400);
                assertThat((String) problem.get("title"))
                        .isEqualTo(language.equals("en") ? "Address not accepted" : "请求地址无效");
            }
        }
    }
}

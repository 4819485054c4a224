package com.mallservicedesk.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sends one bad request twice, in Chinese (the default) and in English, and checks that both answers are the expected
 * client error as a problem document with a title and detail in the caller's language: never a 500, never a page.
 */
public final class Problems {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    private Problems() {
    }

    /** @return the Chinese problem, for further checks (errors, fields) */
    public static Map<String, Object> rejected(WebTestClient web, int status, String code,
                                               Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request) {
        Map<String, Object> zh = one(web, request, "zh-CN", status);
        Map<String, Object> en = one(web, request, "en", status);
        if (code != null) {
            assertThat(zh).containsEntry("code", code);
        }
        assertThat(en.get("code")).isEqualTo(zh.get("code"));
        assertThat((String) zh.get("title")).as("Chinese title").matches(".*\\p{IsHan}.*");
        assertThat((String) zh.get("detail")).as("Chinese detail").isNotBlank();
        assertThat((String) en.get("title")).as("English title").matches("[\\x20-\\x7E]+");
        assertThat((String) en.get("detail")).as("English detail").isNotBlank().doesNotContain("{0}");
        return zh;
    }

    private static Map<String, Object> one(WebTestClient web,
                                           Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request,
                                           String language, int status) {
        EntityExchangeResult<Map<String, Object>> result = request.apply(web)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP).returnResult();
        assertThat(result.getResponseBody()).isNotNull().containsEntry("status", status);
        return result.getResponseBody();
    }
}

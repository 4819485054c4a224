package com.mallservicedesk.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.ApiDocumentCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the kit adds to every service's OpenAPI document, and that the document needs no token while the UI stays off. */
class ApiDocsTest extends KitIntegrationTest {

    @Autowired
    ApplicationContext context;

    private JsonNode document() {
        return JsonMapper.builder().build().readTree(ApiDocumentCheck.fetch(web));
    }

    @Test
    void theDocumentIsOpenApi31AndServedWithoutAToken() {
        JsonNode document = document();
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("info").path("title").asString()).isEqualTo("kittest");
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
    }

    @Test
    void everyOperationNeedsABearerTokenAndDocumentsTheProblemResponsesAndLanguage() {
        JsonNode document = document();
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(document.path("security").get(0).has("bearer")).isTrue();
        assertThat(document.path("components").path("schemas").path("Problem").path("required").toString())
                .contains("type", "title", "status", "code");

        JsonNode register = document.path("paths").path("/api/v1/malls/{mallId}/parcels").path("post");
        assertThat(register.isMissingNode()).isFalse();
        for (String status : new String[] {"400", "401", "403", "404", "409", "422"}) {
            assertThat(register.path("responses").path(status).path("$ref").asString())
                    .as("response " + status).startsWith("#/components/responses/");
        }
        assertThat(document.path("components").path("responses").path("NotFound").path("content")
                .has("application/problem+json")).isTrue();
        assertThat(register.path("parameters").toString()).contains("#/components/parameters/AcceptLanguage");
        // The caller comes from the token: never a parameter.
        assertThat(register.path("parameters").toString()).doesNotContain("roles");
    }

    @Test
    void theDocumentDescribesEveryMappingOfTheService() {
        ApiDocumentCheck.assertDescribesEveryMapping(context, ApiDocumentCheck.fetch(web));
    }

    @Test
    void theBrowsableUiIsOffWithoutTheLocalProfile() {
        ApiDocumentCheck.assertUiIsOff(web);
    }

    @Test
    void canonicalTextSortsKeysAtEveryLevel() {
        String canonical = ApiDocumentCheck.canonical("{\"b\":{\"z\":1,\"a\":[{\"y\":2,\"x\":3}]},\"a\":\"中文\"}");
        assertThat(canonical).isEqualTo(ApiDocumentCheck.canonical(
                JsonMapper.builder().build().writeValueAsString(Map.of("a", "中文",
                        "b", Map.of("a", java.util.List.of(Map.of("x", 3, "y", 2)), "z", 1)))));
        assertThat(canonical.indexOf("\"a\"")).isLessThan(canonical.indexOf("\"b\""));
        assertThat(canonical).endsWith("}\n");
    }
}

package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Requests no client should send still get a problem the client can read, never a 500. */
class MalformedRequestsTest extends KitIntegrationTest {

    @Test
    void aBlankIdInThePathIsTheClientsMistake() {
        web.get().uri("/api/v1/malls/M001/parcels/%20")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk("M001")))
                .exchange()
                .expectStatus().is4xxClientError()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnreadableContentTypeIs415() throws Exception {
        // WebTestClient will not send a Content-Type it cannot parse; a raw client does, as a careless caller would.
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/malls/M001/parcels"))
                .header("Authorization", "Bearer " + TestTokens.frontDesk("M001"))
                .header("Content-Type", "garbage;;;")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"label\":\"x\",\"sender\":\"s\"}"))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(415);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> org.assertj.core.api.Assertions.assertThat(type).startsWith("application/problem+json"));
        org.assertj.core.api.Assertions.assertThat(response.body()).contains("\"code\":\"unsupported-media-type\"");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;
}

package com.mallservicedesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Inputs no client should send get a 400, 413, 415 or 422 problem, never a 500 or an empty answer. */
class BadInputTest extends DispatchIntegrationTest {

    private final String mall = newMall();
    private final String supervisor = TestTokens.supervisor(mall);
    private final String staff = TestTokens.deptStaff(mall, "CUSTOMER_SERVICE");
    private String order;

    @BeforeEach
    void anOpenOrder() {
        order = "wo-" + register(mall, "REPAIR", "PHONE", "3F", "B");
        awaitOrder(mall, order);
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String path, String token, MediaType type, String body) {
        var spec = web.method(method).uri("/api/v1/malls/" + mall + path).headers(h -> h.setBearerAuth(token));
        if (type != null) {
            spec = spec.contentType(type);
        }
        return body == null ? spec.exchange() : spec.bodyValue(body).exchange();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status, String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    private static String json(Map<String, Object> body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    }

    @Test
    void datesAndTimesAtTheEndsOfTheCalendar() {
        problem(call(HttpMethod.GET, "/work-orders?date=-999999999-01-01", supervisor, null, null), 400, "filter-invalid")
                .jsonPath("$.errors[0].field").isEqualTo("date");
        problem(call(HttpMethod.GET, "/work-orders?date=1900-01-01", supervisor, null, null), 400, "filter-invalid");
        problem(call(HttpMethod.POST, "/work-orders/" + order + "/delay", staff, MediaType.APPLICATION_JSON,
                json(Map.of("reason", "等待配件", "promisedAt", "+1000000000-01-01T00:00:00Z"))), 422, "promised-time-too-far");
        problem(call(HttpMethod.POST, "/work-orders/" + order + "/delay", staff, MediaType.APPLICATION_JSON,
                json(Map.of("reason", "等待配件", "promisedAt", "3000-01-01T00:00:00Z"))), 422, "promised-time-too-far");
        call(HttpMethod.POST, "/work-orders/" + order + "/delay", staff, MediaType.APPLICATION_JSON,
                json(Map.of("reason", "等待配件", "promisedAt", clock.instant().plusSeconds(86_400 * 30).toString())))
                .expectStatus().isOk();
    }

    @Test
    void nullsWhereAnObjectBelongs() {
        problem(call(HttpMethod.PUT, "/routing-rules", supervisor, MediaType.APPLICATION_JSON, "{\"rules\":[null]}"),
                400, "validation-failed").jsonPath("$.errors[0].field").isEqualTo("rules[0]");
        problem(call(HttpMethod.PUT, "/departments/ENGINEERING", supervisor, MediaType.APPLICATION_JSON,
                "{\"name\":\"工程部\",\"calendar\":{\"zone\":\"UTC\",\"alwaysOpen\":true},\"escalationContacts\":[null]}"),
                400, "validation-failed").jsonPath("$.errors[0].field").isEqualTo("escalationContacts[0]");
        // A null calendar is no error: the department works the mall's desk hours (DepartmentsTest).
    }

    @Test
    void controlCharactersInText() {
        problem(call(HttpMethod.PUT, "/departments/ENGINEERING", supervisor, MediaType.APPLICATION_JSON,
                json(Map.of("name", "工程\u0000部", "calendar", aroundTheClock()))), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("name");
        problem(call(HttpMethod.POST, "/work-orders/" + order + "/escalate", staff, MediaType.APPLICATION_JSON,
                json(Map.of("reason", "\u001b[31m紅字\u001b[0m"))), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("reason");
        problem(call(HttpMethod.PUT, "/routing-rules", supervisor, MediaType.APPLICATION_JSON,
                json(Map.of("rules", List.of(Map.of("kind", "REPAIR\u0007", "department", "ENGINEERING"))))),
                400, "validation-failed").jsonPath("$.errors[0].field").isEqualTo("rules[0].kind");
        // A line break in a free text is text, not a control character to refuse.
        call(HttpMethod.POST, "/work-orders/" + order + "/escalate", staff, MediaType.APPLICATION_JSON,
                json(Map.of("reason", "第一行\n第二行\t完"))).expectStatus().isOk();
        // An encoded NUL in the path is refused as a problem, not with an empty page.
        problem(call(HttpMethod.GET, "/work-orders/wo-%00x", supervisor, null, null), 400, "request-rejected");
    }

    @Test
    void hugeStringsAndBodies() {
        problem(call(HttpMethod.POST, "/work-orders/" + order + "/complete", staff, MediaType.APPLICATION_JSON,
                json(Map.of("summary", "長".repeat(2001)))), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("summary");
        problem(call(HttpMethod.POST, "/work-orders/" + order + "/complete", staff, MediaType.APPLICATION_JSON,
                json(Map.of("summary", "x".repeat(400_000)))), 413, "content-too-large");
        problem(call(HttpMethod.GET, "/work-orders/" + "x".repeat(3000), supervisor, null, null), 404, "work-order-not-found");
        problem(call(HttpMethod.PUT, "/departments/" + "A".repeat(2000), supervisor, MediaType.APPLICATION_JSON,
                json(Map.of("name", "x", "calendar", aroundTheClock()))), 400, "department-code-invalid");
    }

    @Test
    void wrongEnumValuesAndNumbers() {
        // A query parameter that does not convert is named, like a body's field.
        problem(call(HttpMethod.GET, "/work-orders?status=LOST", supervisor, null, null), 400, "invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.errors[0].code").isEqualTo("invalid-value");
        problem(call(HttpMethod.GET, "/work-orders?open=maybe", supervisor, null, null), 400, "invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("open");
        problem(call(HttpMethod.GET, "/work-orders?date=2026-02-30", supervisor, null, null), 400, "invalid-field")
                .jsonPath("$.errors[0].field").isEqualTo("date")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("date"));
        problem(call(HttpMethod.GET, "/departments/SECURITY/notifications?acknowledged=nope", supervisor, null, null),
                400, "invalid-field").jsonPath("$.errors[0].field").isEqualTo("acknowledged");
        problem(call(HttpMethod.GET, "/work-orders?page=99999999999", supervisor, null, null), 400, "validation-failed")
                .jsonPath("$.errors[0].field").isEqualTo("page")
                .jsonPath("$.errors[0].code").isEqualTo("invalid-value");
        problem(call(HttpMethod.PUT, "/departments/ENGINEERING", supervisor, MediaType.APPLICATION_JSON,
                "{\"name\":\"x\",\"calendar\":{\"zone\":\"UTC\",\"alwaysOpen\":false,\"hours\":{\"FUNDAY\":{\"open\":\"10:00\",\"close\":\"18:00\"}}}}"),
                400, "invalid-field");
        problem(call(HttpMethod.PUT, "/sla-policy", supervisor, MediaType.APPLICATION_JSON,
                "{\"dispatchWithin\":\"PT5M\",\"contactWithin\":\"PT5M\",\"sameDayHandling\":true,\"repairCompletionWithin\":\"PT48H\","
                        + "\"complaintInvestigationWorkingDays\":99999999999}"),
                400, "malformed-request");
        problem(web.get().uri("/api/v1/malls/{mall}/stream", mall).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(supervisor);
                    h.set("Last-Event-ID", "99999999999999999999");
                }).exchange(), 400, "last-event-id-invalid");
    }

    @Test
    void malformedJsonMissingBodiesAndWrongContentTypes() {
        String complete = "/work-orders/" + order + "/complete";
        problem(call(HttpMethod.POST, complete, staff, MediaType.APPLICATION_JSON, "{\"summary\":"), 400, "malformed-request");
        problem(call(HttpMethod.POST, complete, staff, MediaType.APPLICATION_JSON, null), 400, "malformed-request");
        problem(call(HttpMethod.POST, complete, staff, MediaType.APPLICATION_JSON, "null"), 400, "malformed-request");
        problem(call(HttpMethod.POST, complete, staff, MediaType.APPLICATION_JSON, "[]"), 400, "malformed-request");
        problem(call(HttpMethod.POST, complete, staff, MediaType.TEXT_PLAIN, "已修好"), 415, "unsupported-media-type");
        problem(call(HttpMethod.PUT, "/sla-policy", supervisor, MediaType.APPLICATION_XML, "<policy/>"), 415,
                "unsupported-media-type");
        problem(call(HttpMethod.PUT, "/routing-rules", supervisor, MediaType.APPLICATION_JSON, null), 400, "malformed-request");
        problem(call(HttpMethod.DELETE, "/work-orders/" + order, supervisor, null, null), 405, "method-not-allowed");
    }
}

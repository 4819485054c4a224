package com.mallservicedesk.dispatch.department;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Working calendars are checked when written, and an old stored calendar that would not pass is read safely. */
class CalendarBoundsTest extends DispatchIntegrationTest {

    private final String mall = newMall();

    private WebTestClient.ResponseSpec put(Map<String, Object> calendar) {
        return web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "工程部", "calendar", calendar)).exchange();
    }

    private void refused(Map<String, Object> calendar, String field, String code) {
        put(calendar).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("department-calendar-invalid")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    private static Map<String, Object> monday(String open, String close) {
        return Map.of("zone", "Asia/Shanghai", "alwaysOpen", false,
                "hours", Map.of("MONDAY", Map.of("open", open, "close", close)));
    }

    @Test
    void aCalendarNeedsAZoneAndSensibleOpeningHours() {
        refused(Map.of("alwaysOpen", true), "calendar.zone", "required");
        var emptyZone = new HashMap<String, Object>(Map.of("alwaysOpen", true));
        emptyZone.put("zone", "");
        refused(emptyZone, "calendar.zone", "required");
        refused(monday("22:00", "10:00"), "calendar.hours.MONDAY", "close-before-open");
        refused(monday("10:00", "10:20"), "calendar.hours.MONDAY", "too-short");
        refused(monday("10:00:30", "18:00"), "calendar.hours.MONDAY", "whole-minutes");
        refused(monday("10:00:00.123456789", "10:00:00.123456790"), "calendar.hours.MONDAY", "whole-minutes");
        refused(Map.of("zone", "Asia/Shanghai", "alwaysOpen", false), "calendar.hours", "no-working-time");
        // Past midnight is said explicitly: closing at 00:00 is the end of the day.
        put(monday("18:00", "00:00")).expectStatus().isOk();
        put(monday("00:00", "00:00")).expectStatus().isOk();
    }

    @Test
    void anOldCalendarWithoutAZoneReadsInTheDefaultZoneAndStillTimesItsOrders() {
        storeOld(new Document("alwaysOpen", true).append("hours", List.of()));

        web.get().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.calendar.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.calendar.alwaysOpen").isEqualTo(true);
        assertContactClockRunsIn15Minutes();
    }

    @Test
    void anOldCalendarOpenOneNanosecondADayIsReadAsAroundTheClockInsteadOfStallingTheConsumer() {
        storeOld(new Document("zone", "Asia/Shanghai").append("alwaysOpen", false).append("hours",
                List.of(new Document("day", "MONDAY").append("open", "10:00:00.123456789").append("close", "10:00:00.12345679"))));

        web.get().uri("/api/v1/malls/{mall}/departments", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].calendar.alwaysOpen").isEqualTo(true);
        assertContactClockRunsIn15Minutes();
    }

    private void storeOld(Document calendar) {
        mongo.save(new Document("_id", mall + ":ENGINEERING").append("mallId", mall).append("code", "ENGINEERING")
                .append("name", "工程部").append("calendar", calendar), "departments").block();
        web.put().uri("/api/v1/malls/{mall}/routing-rules", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("rules", List.of(Map.of("kind", "REPAIR", "department", "ENGINEERING"))))
                .exchange().expectStatus().isOk();
    }

    private void assertContactClockRunsIn15Minutes() {
        String requestId = register(mall, "REPAIR", "PHONE", "1F", "A");
        var order = awaitOrder(mall, "wo-" + requestId);
        assertThat(order).containsEntry("department", "ENGINEERING");
        assertThat((Map<String, Object>) order.get("deadlines")).containsEntry("CONTACT",
                Instant.parse((String) order.get("orderedAt")).plus(Duration.ofMinutes(15)).toString());
    }
}

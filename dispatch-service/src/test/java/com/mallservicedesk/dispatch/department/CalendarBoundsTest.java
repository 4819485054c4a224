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
import org.junit.jupiter.api.DisplayName;
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
    @DisplayName("a department calendar is checked by the kit under calendar.*, in the mall's one time zone")
    void aCalendarNeedsSensibleShiftsInTheMallsZone() {
        // No zone: the mall's (one time zone per mall); another zone is refused.
        put(Map.of("alwaysOpen", true)).expectStatus().isOk().expectBody().jsonPath("$.calendar.zone").isEqualTo("Asia/Shanghai");
        refused(Map.of("zone", "Europe/Berlin", "alwaysOpen", true), "calendar.zone", "not-the-malls-zone");
        refused(monday("10:00", "10:20"), "calendar.hours.MONDAY", "too-short");
        refused(monday("10:00:30", "18:00"), "calendar.hours.MONDAY", "whole-minutes");
        refused(monday("10:00:00.123456789", "10:00:00.123456790"), "calendar.hours.MONDAY", "whole-minutes");
        refused(Map.of("zone", "Asia/Shanghai", "alwaysOpen", false), "calendar.hours", "no-working-time");
        var holidays = new java.util.ArrayList<String>();
        for (int i = 0; i <= 400; i++) {
            holidays.add(java.time.LocalDate.parse("2026-01-01").plusDays(i).toString());
        }
        var tooMany = new HashMap<String, Object>(monday("10:00", "22:00"));
        tooMany.put("holidays", holidays);
        refused(tooMany, "calendar.holidays", "too-many");
        var both = new HashMap<String, Object>(monday("10:00", "22:00"));
        both.put("holidays", List.of("2026-10-10"));
        both.put("makeUpDays", Map.of("2026-10-10", Map.of("open", "09:00", "close", "18:00")));
        refused(both, "calendar.makeUpDays.2026-10-10", "also-a-holiday");
        // A close at or before the open runs past midnight; 00:00 closes at the midnight that ends the day.
        put(monday("22:00", "06:00")).expectStatus().isOk();
        put(monday("18:00", "00:00")).expectStatus().isOk();
        put(monday("00:00", "00:00")).expectStatus().isOk();
    }

    @Test
    @DisplayName("holidays, make-up days (調休) and overnight shifts go in and come out through the department API")
    void holidaysMakeUpDaysAndOvernightShiftsAreStored() {
        var calendar = new HashMap<String, Object>(monday("22:00", "06:00"));
        calendar.put("holidays", List.of("2026-10-01", "2026-10-02"));
        calendar.put("makeUpDays", Map.of("2026-10-10", Map.of("open", "09:00", "close", "18:00")));
        put(calendar).expectStatus().isOk();
        web.get().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.calendarSource").isEqualTo("DEPARTMENT")
                .jsonPath("$.calendar.hours.MONDAY.open").isEqualTo("22:00:00")
                .jsonPath("$.calendar.hours.MONDAY.close").isEqualTo("06:00:00")
                .jsonPath("$.calendar.holidays.length()").isEqualTo(2)
                .jsonPath("$.calendar.makeUpDays['2026-10-10'].close").isEqualTo("18:00:00");
    }

    @Test
    @DisplayName("a calendar stored before zones were required reads in the mall's zone and still times its orders")
    void anOldCalendarWithoutAZoneReadsInTheMallsZoneAndStillTimesItsOrders() {
        storeOld(new Document("alwaysOpen", true).append("hours", List.of()));

        web.get().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.calendar.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.calendar.alwaysOpen").isEqualTo(true);
        assertContactClockRunsIn15Minutes();
    }

    @Test
    @DisplayName("seed 000 §3.1.1: an old calendar open one nanosecond a day is read as the mall's desk hours instead of stalling the consumer")
    void anOldCalendarOpenOneNanosecondADayFallsBackToTheMallsDeskHours() {
        storeOld(new Document("zone", "Asia/Shanghai").append("alwaysOpen", false).append("hours",
                List.of(new Document("day", "MONDAY").append("open", "10:00:00.123456789").append("close", "10:00:00.12345679"))));

        web.get().uri("/api/v1/malls/{mall}/departments", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                // The tests' malls are campuses (24-hour duty, seed 001 §二.1) unless they say otherwise.
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

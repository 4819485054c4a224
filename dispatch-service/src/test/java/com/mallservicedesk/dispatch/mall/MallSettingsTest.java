package com.mallservicedesk.dispatch.mall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each mall's time zone and desk hours from intake's settings (contract C1), and what dispatch counts in them. */
class MallSettingsTest extends DispatchIntegrationTest {

    private final String mall = newMall();

    private void settings(long revision, String zone, String siteKind, Map<String, Object> deskHours) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mallId", mall);
        data.put("revision", revision);
        data.put("timeZone", zone);
        data.put("siteKind", siteKind);
        data.put("deskHours", deskHours);
        data.put("changedAt", Instant.now().toString());
        send(MALLS, "mall.intake.mall-settings.changed.v1", mall, mall, mall, data);
    }

    private long storedRevision() {
        Document stored = mongo.findById(mall, Document.class, "mall_settings").block();
        return stored == null ? -1 : ((Number) stored.get("revision")).longValue();
    }

    private Map<String, Object> openUnconfiguredOrder() {
        String requestId = register(mall, "REPAIR", "PHONE", "1F", "A");
        return awaitOrder(mall, "wo-" + requestId);
    }

    private static Map<String, Object> daily(String zone, String open, String close) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (var day : java.time.DayOfWeek.values()) {
            hours.put(day.name(), Map.of("open", open, "close", close));
        }
        return Map.of("zone", zone, "alwaysOpen", false, "hours", hours);
    }

    @Test
    @DisplayName("seed 000 §3.1.1: a department without a calendar of its own counts in the mall's desk hours, in the mall's zone")
    void aDepartmentWithoutItsOwnCalendarWorksTheMallsDeskHours() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        settings(1, "Asia/Tokyo", "MALL", daily("Asia/Tokyo", "09:00", "21:00"));
        await().until(() -> storedRevision() == 1);

        var order = openUnconfiguredOrder();
        Instant orderedAt = Instant.parse((String) order.get("orderedAt"));
        var desk = WorkingCalendar.mallDeskHours(tokyo);
        assertThat((Map<String, Object>) order.get("deadlines"))
                .containsEntry("CONTACT", desk.addWorkingTime(orderedAt, Duration.ofMinutes(15)).toString())
                .containsEntry("SAME_DAY", desk.endOfWorkingDay(orderedAt).toString());
        // The work-order list's day is the mall's day.
        String day = Instant.parse((String) order.get("createdAt")).atZone(tokyo).toLocalDate().toString();
        web.get().uri("/api/v1/malls/{mall}/work-orders?date={day}", mall, day)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
        web.get().uri("/api/v1/malls/{mall}/departments/{code}", mall, "CUSTOMER_SERVICE")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    @DisplayName("contract C1: a revision at or below the stored one is ignored, so replays and reordering are safe")
    void anOlderRevisionChangesNothing() {
        settings(5, "Asia/Shanghai", "CAMPUS", Map.of("zone", "Asia/Shanghai", "alwaysOpen", true));
        await().until(() -> storedRevision() == 5);
        var late = send(MALLS, "mall.intake.mall-settings.changed.v1", mall, mall, mall,
                Map.of("mallId", mall, "revision", 4, "timeZone", "Asia/Shanghai", "siteKind", "MALL",
                        "deskHours", daily("Asia/Shanghai", "09:00", "10:00"), "changedAt", Instant.now().toString()));
        awaitHandled("dispatch.malls", late);
        assertThat(storedRevision()).isEqualTo(5);

        var order = openUnconfiguredOrder();
        Instant orderedAt = Instant.parse((String) order.get("orderedAt"));
        assertThat((Map<String, Object>) order.get("deadlines"))
                .containsEntry("CONTACT", orderedAt.plus(Duration.ofMinutes(15)).toString());

        settings(6, "Asia/Shanghai", "MALL", daily("Asia/Shanghai", "22:00", "06:00"));
        await().until(() -> storedRevision() == 6);
        var night = openUnconfiguredOrder();
        Instant nightOrderedAt = Instant.parse((String) night.get("orderedAt"));
        // Desk hours past midnight (22:00–06:00) are the mall's now.
        assertThat((Map<String, Object>) night.get("deadlines")).containsEntry("CONTACT",
                WorkingCalendar.daily(ZoneId.of("Asia/Shanghai"), java.time.LocalTime.of(22, 0), java.time.LocalTime.of(6, 0))
                        .addWorkingTime(nightOrderedAt, Duration.ofMinutes(15)).toString());
    }
}

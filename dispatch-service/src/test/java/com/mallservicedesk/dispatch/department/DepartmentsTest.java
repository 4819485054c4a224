package com.mallservicedesk.dispatch.department;

import com.mallservicedesk.dispatch.DispatchIntegrationTest;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class DepartmentsTest extends DispatchIntegrationTest {

    private final String mall = newMall();

    @Test
    void aDepartmentKeepsItsOwnCalendarHeadAndEscalationContacts() {
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "FRONT_DESK")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "客服前臺",
                        "calendar", Map.of("zone", "Asia/Shanghai", "alwaysOpen", false,
                                "hours", Map.of("MONDAY", Map.of("open", "10:00", "close", "22:00"),
                                        "SATURDAY", Map.of("open", "10:00", "close", "00:00"))),
                        "head", Map.of("role", "DEPARTMENT_HEAD", "name", "張主任", "phone", "13900000002"),
                        "escalationContacts", List.of(Map.of("role", "CS_HEAD", "name", "客服部負責人"),
                                Map.of("role", "PROPERTY_MANAGER", "name", "物業經理"))))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.code").isEqualTo("FRONT_DESK")
                .jsonPath("$.calendar.hours.MONDAY.close").isEqualTo("22:00:00")
                .jsonPath("$.updatedBy").isEqualTo("supervisor-" + mall);
        putDepartment(mall, "SECURITY", aroundTheClock());

        web.get().uri("/api/v1/malls/{mall}/departments/{code}", mall, "FRONT_DESK")
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "SECURITY")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("客服前臺")
                .jsonPath("$.calendar.alwaysOpen").isEqualTo(false)
                .jsonPath("$.calendar.hours.SATURDAY.open").isEqualTo("10:00:00")
                .jsonPath("$.head.name").isEqualTo("張主任")
                .jsonPath("$.escalationContacts[1].role").isEqualTo("PROPERTY_MANAGER");
        web.get().uri("/api/v1/malls/{mall}/departments", mall)
                .headers(h -> h.setBearerAuth(TestTokens.frontDesk(mall)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].code").isEqualTo("FRONT_DESK")
                .jsonPath("$.items[1].calendar.alwaysOpen").isEqualTo(true);
    }

    @Test
    @DisplayName("seed 000 §3.1.1 and seed 001 §二.1: a department without a calendar of its own works the mall's desk hours")
    void aDepartmentWithoutACalendarWorksTheMallsDeskHours() {
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "CLEANING")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "保潔部"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.calendarSource").isEqualTo("MALL_DESK_HOURS")
                // The tests' malls are campuses unless intake says otherwise: 24-hour duty (seed 001 §二.1).
                .jsonPath("$.calendar.alwaysOpen").isEqualTo(true)
                .jsonPath("$.calendar.zone").isEqualTo("Asia/Shanghai");
        putDepartment(mall, "SECURITY", aroundTheClock());
        web.get().uri("/api/v1/malls/{mall}/departments/{code}", mall, "SECURITY")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.calendarSource").isEqualTo("DEPARTMENT");
    }

    @Test
    void invalidDepartmentsAreRefused() {
        var put = web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON);
        put.bodyValue(Map.of("calendar", Map.of("zone", "Asia/Shanghai", "alwaysOpen", false))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "工程部", "calendar", Map.of("zone", "Asia/Shanghai", "alwaysOpen", false)))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("department-calendar-invalid");
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "工程部", "calendar", Map.of("zone", "Asia/Shanghai", "alwaysOpen", false,
                        "hours", Map.of("MONDAY", Map.of("open", "22:00", "close", "22:30")))))
                .exchange().expectStatus().isEqualTo(422);
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "工程部", "calendar", Map.of("zone", "Mars/Olympus", "alwaysOpen", true)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid-field");
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "eng")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(mall)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "工程部", "calendar", aroundTheClock()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("department-code-invalid");
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "ENGINEERING")
                .headers(h -> h.setBearerAuth(TestTokens.deptStaff(mall, "ENGINEERING")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "工程部", "calendar", aroundTheClock()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void departmentsBelongToOneMall() {
        putDepartment(mall, "SECURITY", aroundTheClock());
        String other = newMall();
        web.get().uri("/api/v1/malls/{mall}/departments/{code}", mall, "SECURITY")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/malls/{mall}/departments", mall)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isForbidden();
        web.put().uri("/api/v1/malls/{mall}/departments/{code}", mall, "SECURITY")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "x", "calendar", aroundTheClock()))
                .exchange().expectStatus().isForbidden();
        // The other mall's own view knows nothing of it.
        web.get().uri("/api/v1/malls/{mall}/departments/{code}", other, "SECURITY")
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("department-not-found");
        web.get().uri("/api/v1/malls/{mall}/departments", other)
                .headers(h -> h.setBearerAuth(TestTokens.supervisor(other)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }
}

package com.mallservicedesk.survey.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.platform.problem.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ImprovementRulesTest {

    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    private final Improvement action = Improvement.open("M001", new ItemBelowTarget("sv-M001-2026-H2", "2026-H2", "A",
            "REPAIR", "报修响应及维修质量", "ENGINEERING", 73.3, 90.0, NOW, ZoneId.of("Asia/Shanghai")),
            LocalDate.of(2027, 1, 31), NOW).aggregate();

    @Test
    void anActionIsOpenForTheResponsibleDepartmentUntilAPlanIsRecorded() {
        assertThat(action.getId()).isEqualTo("imp-sv-M001-2026-H2-A-REPAIR");
        assertThat(action.getStatus()).isEqualTo(ImprovementStatus.OPEN);
        assertThat(action.getOwner()).isEqualTo("ENGINEERING");
        assertThatThrownBy(() -> action.update(null, null, null, ImprovementStatus.DONE, "mgr", NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("improvement-plan-required"));

        var events = action.update("每周巡检报修流程，48小时内完成率提升至95%", "张工", LocalDate.of(2027, 2, 28), null, "mgr", NOW);
        assertThat(action.getStatus()).isEqualTo(ImprovementStatus.PLANNED);
        assertThat(action.getOwner()).isEqualTo("张工");
        assertThat(events).singleElement().isInstanceOf(ImprovementEvents.Updated.class);
    }

    @Test
    void aFinishedActionIsFinal() {
        action.update("计划", null, null, ImprovementStatus.DONE, "mgr", NOW);
        assertThatThrownBy(() -> action.update(null, "李工", null, null, "mgr", NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("improvement-done"));
    }
}

package com.mallservicedesk.intake.publicarea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallservicedesk.intake.publicarea.PublicAreaEvents.StatusChanged;
import com.mallservicedesk.platform.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The public-area application's own rules (seed 000 公共區域使用管理規程), without Spring, a broker or a store. */
class PublicAreaApplicationRulesTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    /** A test-data builder: an application taken as far as asked. */
    static final class AnApplication {
        Instant from = T0.plus(Duration.ofDays(7));
        Instant to = T0.plus(Duration.ofDays(9));

        AnApplication usedFor(Duration d) {
            to = from.plus(d);
            return this;
        }

        ApplicationBodies.Submit body() {
            return new ApplicationBodies.Submit(new Applicant("優衣庫", Applicant.Kind.TENANT, "t-1"),
                    new Area("1F", "外廣場", "東門外廣場 20 平方米"), "新品推廣活動,搭建展台", from, to, "圖紙 UQ-2026-11");
        }

        PublicAreaApplication submitted() {
            return PublicAreaApplication.submit("pa-1", "M001", body(), "desk-1", T0).aggregate();
        }

        PublicAreaApplication reviewed() {
            var a = submitted();
            a.review(new ApplicationBodies.Review("方案可行", List.of(new ApplicationBodies.DepartmentOpinion("SECURITY",
                    "需保留消防通道"))), "supervisor-1", "CS", T0.plusSeconds(60));
            return a;
        }

        PublicAreaApplication approved() {
            var a = reviewed();
            a.decide(true, "同意,按審定方案執行", "manager-1", T0.plusSeconds(120));
            return a;
        }

        PublicAreaApplication inUse() {
            var a = approved();
            a.schedule("華美搭建", "施工進度表 2026-11-30", "desk-1", T0.plusSeconds(180));
            a.inspect(new ApplicationBodies.Inspect("CS", "現場整潔", false, null), "desk-1", T0.plusSeconds(240));
            return a;
        }
    }

    static AnApplication anApplication() {
        return new AnApplication();
    }

    @Test
    @DisplayName("seed 000 公共區域 §4.1–§4.4: submitted, reviewed, approved, scheduled, in use, inspected at completion, closed")
    void theWholeWayToClosed() {
        var a = anApplication().inUse();
        assertThat(a.getStatus()).isEqualTo(ApplicationStatus.IN_USE);
        assertThat(a.getOpinions()).extracting(Opinion::department).containsExactly("CS", "SECURITY");

        var inspected = a.inspectCompletion(new ApplicationBodies.InspectCompletion(true, null, null), "supervisor-1",
                T0.plusSeconds(300));
        assertThat(inspected).singleElement().isInstanceOfSatisfying(StatusChanged.class,
                e -> assertThat(e.to()).isEqualTo(ApplicationStatus.COMPLETION_INSPECTED));
        assertThat(a.close("supervisor-1", T0.plusSeconds(360))).singleElement().isInstanceOfSatisfying(StatusChanged.class,
                e -> assertThat(e.from()).isEqualTo(ApplicationStatus.COMPLETION_INSPECTED));
        assertThat(a.getStatus()).isEqualTo(ApplicationStatus.CLOSED);
    }

    @Test
    @DisplayName("seed 000 公共區域 §3.2: nothing is scheduled without the general manager's consent; a refusal ends it")
    void noStepsOutOfOrder() {
        assertConflict(() -> anApplication().submitted().decide(true, "ok", "manager-1", T0));
        assertConflict(() -> anApplication().reviewed().schedule("c", "s", "desk-1", T0));
        var rejected = anApplication().reviewed();
        rejected.decide(false, "影響消防通道,不予同意", "manager-1", T0.plusSeconds(5));
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertConflict(() -> rejected.schedule("c", "s", "desk-1", T0.plusSeconds(6)));
        assertConflict(() -> anApplication().approved().close("supervisor-1", T0));
    }

    @Test
    @DisplayName("seed 000 公共區域 §4.3.2: a violation during use needs the rectification demanded")
    void aViolationNeedsItsRectification() {
        var a = anApplication().inUse();
        assertThatThrownBy(() -> a.inspect(new ApplicationBodies.Inspect("SECURITY", "展台佔用消防通道", true, " "),
                "guard-1", T0.plusSeconds(400))).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).properties().toString()).contains("rectification"));

        var events = a.inspect(new ApplicationBodies.Inspect("SECURITY", "展台佔用消防通道", true, "今日 18:00 前後移一米"),
                "guard-1", T0.plusSeconds(400));
        assertThat(events).singleElement().isInstanceOfSatisfying(StatusChanged.class, e -> {
            assertThat(e.violation()).isTrue();
            assertThat(e.note()).isEqualTo("今日 18:00 前後移一米");
        });
        assertThat(a.getInspections()).hasSize(2).last().extracting(Inspection::number).isEqualTo(2);
    }

    @Test
    @DisplayName("seed 000 公共區域 §4.4.2: non-conformities at completion need a written note, then another completion inspection")
    void nonConformingWorkIsRectifiedBeforeClosing() {
        var a = anApplication().inUse();
        assertThatThrownBy(() -> a.inspectCompletion(new ApplicationBodies.InspectCompletion(false, "地面膠痕未清", null),
                "supervisor-1", T0.plusSeconds(500))).isInstanceOf(ApiException.class);

        a.inspectCompletion(new ApplicationBodies.InspectCompletion(false, "地面膠痕未清", "三日內清除膠痕並恢復原狀"),
                "supervisor-1", T0.plusSeconds(500));
        assertThat(a.getStatus()).isEqualTo(ApplicationStatus.RECTIFICATION_REQUIRED);
        assertConflict(() -> a.close("supervisor-1", T0.plusSeconds(501)));

        a.inspectCompletion(new ApplicationBodies.InspectCompletion(true, null, null), "supervisor-1", T0.plusSeconds(600));
        a.close("supervisor-1", T0.plusSeconds(601));
        assertThat(a.getCompletionInspections()).extracting(CompletionInspection::conforming).containsExactly(false, true);
    }

    @Test
    @DisplayName("seed 000 公共區域 §4.1.1: the period runs forwards and at most a year")
    void thePeriodIsBounded() {
        assertThatThrownBy(() -> anApplication().usedFor(Duration.ZERO).submitted()).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> anApplication().usedFor(Duration.ofDays(367)).submitted()).isInstanceOf(ApiException.class);
        assertThat(anApplication().usedFor(Duration.ofDays(30)).submitted().getStatus())
                .isEqualTo(ApplicationStatus.SUBMITTED);
    }

    private static void assertConflict(Runnable step) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("public-area-illegal-transition");
        });
    }
}

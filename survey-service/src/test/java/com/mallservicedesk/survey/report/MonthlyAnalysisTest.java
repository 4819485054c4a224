package com.mallservicedesk.survey.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The written analysis reads the figures: each paragraph says what the numbers mean against the targets. */
class MonthlyAnalysisTest {

    private static MonthlyReport report(long requests, long previous, long breaches, Double callbackRate,
                                        boolean callbacksReported) {
        return new MonthlyReport("M001", "2026-10", "Asia/Shanghai", Instant.parse("2026-11-01T01:00:00Z"),
                new MonthlyReport.Requests(requests, previous, Map.of("PHONE", requests), Map.of("REPAIR", requests),
                        Map.of("PHONE", Map.of("REPAIR", requests))),
                new MonthlyReport.Complaints(0, 0, 0, 0, 0, 0, 0, 0, null),
                new MonthlyReport.ServiceLevels(breaches, breaches == 0 ? Map.of() : Map.of("CONTACT", breaches),
                        breaches == 0 ? Map.of() : Map.of("SECURITY", breaches), Map.of(), breaches),
                new MonthlyReport.WorkTime(4, 95.0, Map.of("ENGINEERING", new MonthlyReport.DepartmentWork(2, 130.0),
                        "SECURITY", new MonthlyReport.DepartmentWork(2, 60.0)), 0),
                new MonthlyReport.Callbacks(callbacksReported, 20, 18, 18, callbackRate, 95.0,
                        callbackRate == null ? null : callbackRate >= 95.0, 95.0, 90.0, true,
                        null, null, null, 2, 18, 96.3, 88.9),
                new MonthlyReport.OpenItems(0, 0, 0, 0, 0, 0, 0, Map.of()),
                new MonthlyReport.Claims(0, 0, 0, 0), MonthlyReport.Kpis.of(0, 0, 0, 0), List.of());
    }

    /** A month with requests and nothing else to say, for tests that add one section. */
    static MonthlyReport emptyReport() {
        return report(12, 10, 0, 96.0, true);
    }

    @Test
    void aMonthIsDescribedAgainstTheLastMonthAndTheTargets() {
        List<String> text = MonthlyAnalysis.of(report(12, 10, 3, 90.0, true));
        assertThat(text).hasSize(7);
        assertThat(text.get(0)).isEqualTo("本月（2026-10）共受理服务需求12件，其中报修12件；主要来源为电话（12件，占100%），较上月增加2件。");
        assertThat(text.get(1)).isEqualTo("本月未收到投诉。");
        assertThat(text.get(2)).isEqualTo("本月服务时限逾时3次，以“联系顾客”最多（3次），涉及部门以安保部最多（3次）；因逾时升级3次。");
        assertThat(text.get(3)).contains("平均工时1小时35分钟", "平均工时最长的是工程部（2小时10分钟）");
        assertThat(text.get(4)).contains("回访率90%（目标95%），未达标，须制定改进措施", "未能联系上的顾客2位",
                "18次回访的满意度为96.3%");
        assertThat(text.get(6)).isEqualTo("本月无新的保险理赔案件。");
    }

    @Test
    void quietMonthsAndMissingCallbackFiguresAreSaidPlainly() {
        List<String> text = MonthlyAnalysis.of(report(0, 0, 0, null, false));
        assertThat(text.get(0)).isEqualTo("本月（2026-10）未受理服务需求。");
        assertThat(text.get(2)).isEqualTo("本月未发生服务时限逾时。");
        assertThat(text.get(4)).startsWith("回访服务尚未提供本月回访统计。");
    }
}

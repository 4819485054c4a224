package com.mallservicedesk.survey.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The two KPIs of seed 003 §監控指標 that come from intake's complaint register and reply checks (contract C6). */
class KpisTest {

    @Test
    @DisplayName("seed 003 §監控指標 投訴處理及時率: complaints concluded on time ÷ complaints concluded, in percent")
    void complaintHandlingTimelinessIsOnTimeOverConcluded() {
        var kpis = MonthlyReport.Kpis.of(3, 2, 0, 0);
        assertThat(kpis.complaintHandling()).isEqualTo(new MonthlyReport.ComplaintHandling(3, 2, 66.7));
    }

    @Test
    @DisplayName("seed 003 §監控指標 咨詢回復準確率: correct replies ÷ replies checked, in percent")
    void consultationReplyAccuracyIsCorrectOverReviewed() {
        var kpis = MonthlyReport.Kpis.of(0, 0, 8, 7);
        assertThat(kpis.consultationReplies()).isEqualTo(new MonthlyReport.ConsultationReplies(8, 7, 87.5));
    }

    @Test
    @DisplayName("seed 003 §監控指標: with nothing to count a rate is null, not 0 % or 100 %")
    void nothingToCountIsNoRate() {
        var kpis = MonthlyReport.Kpis.of(0, 0, 0, 0);
        assertThat(kpis.complaintHandling().timelinessRate()).isNull();
        assertThat(kpis.consultationReplies().accuracyRate()).isNull();
    }

    @Test
    @DisplayName("seed 000 §4.11 文字分析, seed 003 §監控指標: the written analysis states both KPIs when there are some")
    void theAnalysisStatesTheKpis() {
        var report = MonthlyAnalysisTest.emptyReport().withKpis(MonthlyReport.Kpis.of(4, 3, 2, 1));
        assertThat(MonthlyAnalysis.of(report)).anySatisfy(p -> assertThat(p)
                .contains("本月结案投诉4件，按时结案3件，投诉处理及时率75%", "抽查咨询回复2件，回复准确1件，咨询回复准确率50%"));
        assertThat(MonthlyAnalysis.of(MonthlyAnalysisTest.emptyReport())).noneSatisfy(p -> assertThat(p).contains("监控指标"));
    }
}

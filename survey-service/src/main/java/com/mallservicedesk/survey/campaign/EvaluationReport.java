package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.survey.improvement.ImprovementView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The survey's evaluation report (分析評估報告, seed 000 §顧客滿意度調查規程 4.5.3): the results per item and overall,
 * the improvement actions for items below the target, and a written assessment generated from the figures.
 */
record EvaluationReport(String surveyId, String mallId, String period, String status, Instant closedAt,
                        SurveyResults results, List<ImprovementView> improvements, List<String> assessment) {

    static EvaluationReport of(SurveyCampaign campaign, List<ImprovementView> improvements) {
        SurveyResults r = campaign.results();
        return new EvaluationReport(campaign.getId(), campaign.getMallId(), campaign.getPeriod(), r.status(),
                campaign.getClosedAt(), r, improvements, assessment(r));
    }

    private static List<String> assessment(SurveyResults r) {
        List<String> text = new ArrayList<>();
        text.add("本次调查（%s）共抽取调查对象%d个，回收有效问卷%d份，回收率%s。".formatted(r.period(), r.sampled(),
                r.responded(), pct(r.responseRate())));
        if (r.overall() == null) {
            text.add("尚无回收问卷，暂无法计算满意率。");
            return text;
        }
        text.add("总满意率为%s（各客户满意率之和÷被调查客户数），目标%s，%s。".formatted(pct(r.overall()), pct(r.target()),
                r.overall() >= r.target() ? "达到目标" : "未达到目标"));
        for (SurveyResults.FormResult form : r.forms()) {
            if (form.responded() == 0) {
                continue;
            }
            var below = form.items().stream().filter(SurveyResults.ItemResult::belowTarget).toList();
            var lowest = form.items().stream().filter(i -> i.satisfaction() != null)
                    .min(java.util.Comparator.comparing(SurveyResults.ItemResult::satisfaction));
            StringBuilder line = new StringBuilder("调查表%s回收%d份，满意率%s".formatted(form.form(), form.responded(),
                    pct(form.satisfaction())));
            lowest.ifPresent(i -> line.append("；得分最低的项目为“%s”（%s）".formatted(i.title(), pct(i.satisfaction()))));
            if (below.isEmpty()) {
                line.append("；各项满意率均达到目标。");
            } else {
                line.append("；低于目标的项目有%d项：%s，已责成相关部门制定改进措施。".formatted(below.size(),
                        String.join("、", below.stream().map(i -> "“" + i.title() + "”").toList())));
            }
            text.add(line.toString());
        }
        for (SurveyResults.GroupResult group : r.groups()) {
            if (group.responded() > 0) {
                text.add("%s：回收%d份，满意率%s。".formatted(groupName(group.group()), group.responded(),
                        pct(group.satisfaction())));
            }
        }
        return text;
    }

    static String groupName(RespondentGroup group) {
        return switch (group) {
            case ANCHOR_STORE -> "大店";
            case TYPICAL_COUNTER -> "典型专柜";
            case SAMPLED_COUNTER -> "抽样专柜";
            case DEPARTMENT -> "相关部门";
        };
    }

    static String pct(Double value) {
        return value == null ? "暂无数据" : value + "%";
    }
}

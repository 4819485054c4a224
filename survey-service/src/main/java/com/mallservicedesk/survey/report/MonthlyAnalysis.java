package com.mallservicedesk.survey.report;

import static com.mallservicedesk.survey.report.ChineseNames.percent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The written analysis of the monthly report (文字分析说明, seed 000 §4.11), generated from its figures: what came in,
 * how complaints were handled, service levels, work time, callbacks against their targets, what is still open, and
 * claims. Plain sentences, one paragraph per topic.
 */
final class MonthlyAnalysis {

    private MonthlyAnalysis() {
    }

    static List<String> of(MonthlyReport r) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(intake(r));
        paragraphs.add(complaints(r.complaints()));
        if (r.kpis() != null && (r.kpis().complaintHandling().concluded() > 0 || r.kpis().consultationReplies().reviewed() > 0)) {
            paragraphs.add(kpis(r.kpis()));
        }
        paragraphs.add(serviceLevels(r.serviceLevels()));
        paragraphs.add(workTime(r.workTime()));
        paragraphs.add(callbacks(r.callbacks()));
        paragraphs.add(open(r.openItems()));
        paragraphs.add(claims(r.claims()));
        return paragraphs;
    }

    private static String intake(MonthlyReport r) {
        var q = r.requests();
        if (q.total() == 0) {
            return "本月（%s）未受理服务需求。".formatted(r.month());
        }
        String kinds = MonthlyReports.ordered(q.byKind()).entrySet().stream()
                .map(e -> ChineseNames.kind(e.getKey()) + e.getValue() + "件").collect(Collectors.joining("、"));
        var topChannel = MonthlyReports.ordered(q.byChannel()).entrySet().stream().findFirst();
        StringBuilder text = new StringBuilder("本月（%s）共受理服务需求%d件，其中%s".formatted(r.month(), q.total(), kinds));
        topChannel.ifPresent(c -> text.append("；主要来源为%s（%d件，占%s）".formatted(ChineseNames.channel(c.getKey()),
                c.getValue(), percent(com.mallservicedesk.survey.formula.SatisfactionFormulas.percent(c.getValue(), q.total())))));
        if (q.previousMonthTotal() > 0) {
            long change = q.total() - q.previousMonthTotal();
            text.append(change == 0 ? "，与上月持平" : change > 0 ? "，较上月增加%d件".formatted(change)
                    : "，较上月减少%d件".formatted(-change));
        }
        return text.append("。").toString();
    }

    private static String complaints(MonthlyReport.Complaints c) {
        if (c.received() == 0 && c.handled() == 0) {
            return "本月未收到投诉。";
        }
        String text = "本月收到投诉%d件：回访满意后结案%d件，当场解答%d件，取消%d件，合并%d件，仍在处理%d件。"
                .formatted(c.received(), c.closedAfterCallback(), c.answeredOnSpot(), c.cancelled(), c.merged(),
                        c.stillOpen());
        if (c.handled() > 0) {
            text += "本月处理完毕的投诉工单%d张，按时处理%d张，投诉处理及时率%s%s".formatted(c.handled(), c.handledOnTime(),
                    percent(c.timelinessRate()), c.handledOnTime() < c.handled() ? "，逾时投诉须分析原因并落实改进。" : "。");
        }
        return text;
    }

    /** The KPIs of seed 003 §監控指標 from intake's complaint register and reply checks; only when there are some. */
    private static String kpis(MonthlyReport.Kpis k) {
        var c = k.complaintHandling();
        var q = k.consultationReplies();
        List<String> parts = new ArrayList<>();
        if (c.concluded() > 0) {
            parts.add("本月结案投诉%d件，按时结案%d件，投诉处理及时率%s".formatted(c.concluded(), c.onTime(),
                    percent(c.timelinessRate())));
        }
        if (q.reviewed() > 0) {
            parts.add("抽查咨询回复%d件，回复准确%d件，咨询回复准确率%s".formatted(q.reviewed(), q.correct(),
                    percent(q.accuracyRate())));
        }
        return "监控指标：" + String.join("；", parts) + "。";
    }

    private static String serviceLevels(MonthlyReport.ServiceLevels s) {
        if (s.breaches() == 0) {
            return "本月未发生服务时限逾时。";
        }
        var rule = MonthlyReports.ordered(s.byRule()).entrySet().stream().findFirst().orElseThrow();
        var department = MonthlyReports.ordered(s.byDepartment()).entrySet().stream().findFirst().orElseThrow();
        return "本月服务时限逾时%d次，以“%s”最多（%d次），涉及部门以%s最多（%d次）；因逾时升级%d次。".formatted(s.breaches(),
                ChineseNames.rule(rule.getKey()), rule.getValue(), ChineseNames.department(department.getKey()),
                department.getValue(), s.escalations());
    }

    private static String workTime(MonthlyReport.WorkTime w) {
        if (w.completed() == 0) {
            return "本月无完成的工单。";
        }
        String text = "本月完成工单%d张，平均工时%s（自派单至完成）".formatted(w.completed(),
                ChineseNames.minutes(w.averageMinutes()));
        var slowest = w.byDepartment().entrySet().stream()
                .filter(e -> e.getValue().averageMinutes() != null)
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparing(MonthlyReport.DepartmentWork::averageMinutes)));
        if (slowest.isPresent() && w.byDepartment().size() > 1) {
            text += "，平均工时最长的是%s（%s）".formatted(ChineseNames.department(slowest.get().getKey()),
                    ChineseNames.minutes(slowest.get().getValue().averageMinutes()));
        }
        if (w.reopened() > 0) {
            text += "；因回访不满意返工%d次".formatted(w.reopened());
        }
        return text + "。";
    }

    private static String callbacks(MonthlyReport.Callbacks c) {
        StringBuilder text = new StringBuilder();
        if (!c.reportedByCallbackService()) {
            text.append("回访服务尚未提供本月回访统计。");
        } else {
            text.append("本月应回访%d件，已回访%d件，回访率%s（目标%s），%s；回访满意度%s（目标%s），%s。".formatted(
                    c.completionsNeedingCallback(), c.callbacksDone(), percent(c.callbackRate()),
                    percent(c.callbackRateTarget()), verdict(c.callbackRateMet()), percent(c.satisfactionRate()),
                    percent(c.satisfactionTarget()), verdict(c.satisfactionRateMet())));
            if (c.unreachable() > 0) {
                text.append("未能联系上的顾客%d位。".formatted(c.unreachable()));
            }
        }
        if (c.answered() > 0) {
            text.append("按受访者满意率计算（满意项数÷调查项数的平均值），%d次回访的满意度为%s。".formatted(c.answered(),
                    percent(c.respondentSatisfaction())));
        }
        return text.toString();
    }

    private static String verdict(Boolean met) {
        return met == null ? "暂无法判断" : met ? "达标" : "未达标，须制定改进措施";
    }

    private static String open(MonthlyReport.OpenItems o) {
        String text = "本月受理的需求中仍有%d件未结，本月派出的工单中仍有%d张未完成（其中逾时%d张）。".formatted(
                o.requestsFromMonth(), o.workOrdersFromMonth(), o.overdueWorkOrdersFromMonth());
        if (o.workOrdersNow() > 0) {
            text += "截至目前全商场未完成工单%d张，其中逾时%d张，须重点跟进。".formatted(o.workOrdersNow(),
                    o.overdueWorkOrdersNow());
        }
        return text;
    }

    private static String claims(MonthlyReport.Claims c) {
        if (c.opened() == 0 && c.settled() == 0 && c.closedWithoutClaim() == 0) {
            return "本月无新的保险理赔案件。";
        }
        return "本月新开保险理赔案件%d宗，理赔结案%d宗，无需索赔结案%d宗；目前仍在处理的理赔案件%d宗。".formatted(c.opened(),
                c.settled(), c.closedWithoutClaim(), c.openNow());
    }
}

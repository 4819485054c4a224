package com.mallservicedesk.survey.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The monthly report as an Excel workbook (XLSX), one sheet per part: overview (概况), requests by channel and kind
 * (受理明细), complaints (投诉处理), service-level breaches (服务时限), work time (工时), open items (未结事项) and the
 * written analysis (文字分析). Numbers are numeric cells; a missing rate is an empty cell.
 */
final class MonthlyReportWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MonthlyReportWorkbook() {
    }

    static byte[] write(MonthlyReport r) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            overview(workbook.createSheet("概况"), r, bold);
            requests(workbook.createSheet("受理明细"), r, bold);
            complaints(workbook.createSheet("投诉处理"), r, bold);
            kpis(workbook.createSheet("监控指标"), r, bold);
            serviceLevels(workbook.createSheet("服务时限"), r, bold);
            workTime(workbook.createSheet("工时"), r, bold);
            openItems(workbook.createSheet("未结事项"), r, bold);
            Sheet analysis = workbook.createSheet("文字分析");
            header(analysis, bold, "文字分析");
            for (String paragraph : r.analysis()) {
                analysis.createRow(analysis.getLastRowNum() + 1).createCell(0).setCellValue(paragraph);
            }
            analysis.setColumnWidth(0, 160 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void overview(Sheet sheet, MonthlyReport r, CellStyle bold) {
        header(sheet, bold, "客服接待月报表", "");
        row(sheet, "商场", r.mallId());
        row(sheet, "月份", r.month());
        row(sheet, "时区", r.zone());
        row(sheet, "受理服务需求（件）", r.requests().total());
        row(sheet, "上月受理（件）", r.requests().previousMonthTotal());
        row(sheet, "投诉（件）", r.complaints().received());
        row(sheet, "投诉处理及时率（%）", r.complaints().timelinessRate());
        row(sheet, "服务时限逾时（次）", r.serviceLevels().breaches());
        row(sheet, "完成工单（张）", r.workTime().completed());
        row(sheet, "平均工时（分钟）", r.workTime().averageMinutes());
        row(sheet, "回访率（%）", r.callbacks().callbackRate());
        row(sheet, "回访满意度（%）", r.callbacks().satisfactionRate());
        row(sheet, "回访满意度·受访者公式（%）", r.callbacks().respondentSatisfaction());
        row(sheet, "本月需求仍未结（件）", r.openItems().requestsFromMonth());
        row(sheet, "目前逾时工单（张）", r.openItems().overdueWorkOrdersNow());
        row(sheet, "投诉处理及时率·监控指标（%）", r.kpis().complaintHandling().timelinessRate());
        row(sheet, "咨询回复准确率·监控指标（%）", r.kpis().consultationReplies().accuracyRate());
        row(sheet, "新开理赔（宗）", r.claims().opened());
        row(sheet, "理赔结案（宗）", r.claims().settled());
        widths(sheet, 30, 20);
    }

    private static void requests(Sheet sheet, MonthlyReport r, CellStyle bold) {
        var kinds = new TreeSet<String>(r.requests().byKind().keySet());
        List<Object> head = new ArrayList<>(List.of("渠道"));
        kinds.forEach(k -> head.add(ChineseNames.kind(k)));
        head.add("合计");
        header(sheet, bold, head.toArray());
        r.requests().byChannelAndKind().forEach((channel, byKind) -> {
            List<Object> cells = new ArrayList<>(List.of(ChineseNames.channel(channel)));
            kinds.forEach(k -> cells.add(byKind.getOrDefault(k, 0L)));
            cells.add(r.requests().byChannel().getOrDefault(channel, 0L));
            row(sheet, cells.toArray());
        });
        List<Object> total = new ArrayList<>(List.of("合计"));
        kinds.forEach(k -> total.add(r.requests().byKind().getOrDefault(k, 0L)));
        total.add(r.requests().total());
        row(sheet, total.toArray());
        widths(sheet, 16, 10, 10, 10, 10, 10, 10, 10);
    }

    private static void complaints(Sheet sheet, MonthlyReport r, CellStyle bold) {
        var c = r.complaints();
        header(sheet, bold, "项目", "数量");
        row(sheet, "收到投诉", c.received());
        row(sheet, "回访满意后结案", c.closedAfterCallback());
        row(sheet, "当场解答", c.answeredOnSpot());
        row(sheet, "取消", c.cancelled());
        row(sheet, "合并", c.merged());
        row(sheet, "仍在处理", c.stillOpen());
        row(sheet, "处理完毕的投诉工单", c.handled());
        row(sheet, "按时处理", c.handledOnTime());
        row(sheet, "投诉处理及时率（%）", c.timelinessRate());
        widths(sheet, 26, 12);
    }

    /** The KPIs of seed 003 §監控指標 from intake's complaint register and reply checks (contract C6). */
    private static void kpis(Sheet sheet, MonthlyReport r, CellStyle bold) {
        var c = r.kpis().complaintHandling();
        var q = r.kpis().consultationReplies();
        header(sheet, bold, "项目", "数值");
        row(sheet, "本月结案投诉（件）", c.concluded());
        row(sheet, "按时结案（件）", c.onTime());
        row(sheet, "投诉处理及时率（%）", c.timelinessRate());
        row(sheet, "本月抽查咨询回复（件）", q.reviewed());
        row(sheet, "回复准确（件）", q.correct());
        row(sheet, "咨询回复准确率（%）", q.accuracyRate());
        widths(sheet, 26, 12);
    }

    private static void serviceLevels(Sheet sheet, MonthlyReport r, CellStyle bold) {
        header(sheet, bold, "时限规则", "部门", "逾时次数");
        r.serviceLevels().byRuleAndDepartment().forEach((rule, byDepartment) -> byDepartment.forEach((department, n) ->
                row(sheet, ChineseNames.rule(rule), ChineseNames.department(department), n)));
        row(sheet, "合计", "", r.serviceLevels().breaches());
        row(sheet, "升级次数", "", r.serviceLevels().escalations());
        widths(sheet, 20, 14, 10);
    }

    private static void workTime(Sheet sheet, MonthlyReport r, CellStyle bold) {
        header(sheet, bold, "部门", "完成工单", "平均工时（分钟）");
        r.workTime().byDepartment().forEach((department, work) ->
                row(sheet, ChineseNames.department(department), work.completed(), work.averageMinutes()));
        row(sheet, "合计", r.workTime().completed(), r.workTime().averageMinutes());
        row(sheet, "返工次数", r.workTime().reopened(), null);
        widths(sheet, 16, 12, 18);
    }

    private static void openItems(Sheet sheet, MonthlyReport r, CellStyle bold) {
        var o = r.openItems();
        header(sheet, bold, "项目", "数量");
        row(sheet, "本月受理仍未结的需求", o.requestsFromMonth());
        row(sheet, "本月派出仍未完成的工单", o.workOrdersFromMonth());
        row(sheet, "其中逾时", o.overdueWorkOrdersFromMonth());
        row(sheet, "目前未结需求", o.requestsNow());
        row(sheet, "目前未完成工单", o.workOrdersNow());
        row(sheet, "目前逾时工单", o.overdueWorkOrdersNow());
        row(sheet, "目前处理中的理赔", o.claimsNow());
        for (Map.Entry<String, MonthlyReport.DepartmentOpen> e : o.byDepartmentNow().entrySet()) {
            row(sheet, ChineseNames.department(e.getKey()) + " 未完成 / 逾时", e.getValue().open(), e.getValue().overdue());
        }
        widths(sheet, 30, 12, 12);
    }

    private static void header(Sheet sheet, CellStyle bold, Object... titles) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            set(cell, titles[i]);
            cell.setCellStyle(bold);
        }
    }

    private static void row(Sheet sheet, Object... values) {
        Row row = sheet.createRow(sheet.getLastRowNum() + 1);
        for (int i = 0; i < values.length; i++) {
            set(row.createCell(i), values[i]);
        }
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }
}

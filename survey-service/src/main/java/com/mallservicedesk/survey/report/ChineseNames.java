package com.mallservicedesk.survey.report;

import java.util.Map;

/** The Chinese names reports print for the platform's codes; an unknown code prints as itself. */
public final class ChineseNames {

    private static final Map<String, String> CHANNELS = Map.of("PHONE", "电话", "VISIT", "来访", "INTERCOM", "对讲",
            "WECHAT", "微信", "QQ", "QQ", "ONLINE", "网上报修平台", "EMAIL", "电子邮件", "PATROL", "巡检发现");
    private static final Map<String, String> KINDS = Map.of("CONSULTATION", "咨询", "COMPLAINT", "投诉", "REPAIR", "报修",
            "SUGGESTION", "建议", "HELP", "求助", "INCIDENT", "意外事故");
    private static final Map<String, String> RULES = Map.of("DISPATCH", "派单时限", "CONTACT", "联系顾客",
            "SAME_DAY", "当日处理", "PROMISED", "承诺完成时间", "REPAIR_COMPLETION", "报修两天内完成",
            "COMPLAINT_TO_SUPERVISOR", "投诉上报主管", "COMPLAINT_INVESTIGATION", "投诉调查处理");
    private static final Map<String, String> DEPARTMENTS = Map.of("ENGINEERING", "工程部", "SECURITY", "安保部",
            "CLEANING", "保洁部", "CUSTOMER_SERVICE", "客服部", "PARKING", "停车场", "OPERATIONS", "营运部",
            "MAINTENANCE", "维修班", "BILLING", "收费处", "PROPERTY", "物业部", "NONE", "未分派");

    private ChineseNames() {
    }

    public static String channel(String code) {
        return CHANNELS.getOrDefault(code, code);
    }

    public static String kind(String code) {
        return KINDS.getOrDefault(code, code);
    }

    public static String rule(String code) {
        return RULES.getOrDefault(code, code);
    }

    public static String department(String code) {
        return DEPARTMENTS.getOrDefault(code, code);
    }

    /** A percentage for a sentence: {@code 66.7%}, or 暂无数据 when there is none. */
    public static String percent(Double value) {
        return value == null ? "暂无数据" : (value % 1 == 0 ? String.valueOf(value.longValue()) : value.toString()) + "%";
    }

    public static String minutes(Double minutes) {
        if (minutes == null) {
            return "暂无数据";
        }
        long m = Math.round(minutes);
        return m >= 60 ? "%d小时%d分钟".formatted(m / 60, m % 60) : m + "分钟";
    }
}

package com.mallservicedesk.survey.campaign;

import java.util.List;

/**
 * The items a campaign gets when none are given: form A asks the stores about the property services and names the
 * department each belongs to; form B asks the related departments about the property department's cooperation, for
 * which customer service (客服部, which organises the survey) answers (seed 000 §顧客滿意度調查規程 3, 4.3).
 */
final class DefaultItems {

    static final List<String> DEPARTMENTS = List.of("ENGINEERING", "SECURITY", "CLEANING");

    static final List<SurveyItem> FORM_A = List.of(
            new SurveyItem("ENVIRONMENT", "公共区域环境卫生", "CLEANING"),
            new SurveyItem("SECURITY", "安全秩序与消防管理", "SECURITY"),
            new SurveyItem("FACILITIES", "设施设备运行与维护", "ENGINEERING"),
            new SurveyItem("REPAIR", "报修响应及维修质量", "ENGINEERING"),
            new SurveyItem("RECEPTION", "客服接待与投诉处理", "CUSTOMER_SERVICE"),
            new SurveyItem("NOTICES", "停电停水等信息通知", "CUSTOMER_SERVICE"));

    static final List<SurveyItem> FORM_B = List.of(
            new SurveyItem("COOPERATION", "工作配合与协调", "CUSTOMER_SERVICE"),
            new SurveyItem("RESPONSE", "需求响应速度", "CUSTOMER_SERVICE"),
            new SurveyItem("ATTITUDE", "服务态度", "CUSTOMER_SERVICE"),
            new SurveyItem("INFORMATION", "信息传递与反馈", "CUSTOMER_SERVICE"));

    private DefaultItems() {
    }
}

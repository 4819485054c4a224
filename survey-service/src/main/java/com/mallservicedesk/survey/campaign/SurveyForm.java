package com.mallservicedesk.survey.campaign;

import java.util.List;

/** Form A (物业管理服务问卷调查表A, the stores) or form B (表B, the related departments): items and respondents. */
public record SurveyForm(String code, String title, List<SurveyItem> items, List<Respondent> respondents) {

    static final String A = "A";
    static final String B = "B";

    boolean hasItem(String itemCode) {
        return items.stream().anyMatch(i -> i.code().equals(itemCode));
    }

    boolean hasRespondent(String respondentId) {
        return respondents.stream().anyMatch(r -> r.id().equals(respondentId));
    }
}

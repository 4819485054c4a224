package com.mallservicedesk.survey.improvement;

import java.time.Instant;
import java.time.LocalDate;

/** An improvement action as clients and reports see it. */
public record ImprovementView(String id, String surveyId, String period, String form, String itemCode,
                              String itemTitle, String department, Double satisfaction, Double target, String owner,
                              LocalDate dueOn, ImprovementStatus status, String plan, Instant openedAt,
                              Instant updatedAt, String updatedBy) {

    static ImprovementView of(Improvement i) {
        return new ImprovementView(i.getId(), i.getSurveyId(), i.getPeriod(), i.getForm(), i.getItemCode(),
                i.getItemTitle(), i.getDepartment(), i.getSatisfaction(), i.getTarget(), i.getOwner(), i.getDueOn(),
                i.getStatus(), i.getPlan(), i.getOpenedAt(), i.getUpdatedAt(), i.getUpdatedBy());
    }
}

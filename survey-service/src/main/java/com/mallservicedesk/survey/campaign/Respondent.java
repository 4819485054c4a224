package com.mallservicedesk.survey.campaign;

/** @param id the tenant id (form A) or the department code (form B) */
public record Respondent(String id, String name, RespondentGroup group) {
}

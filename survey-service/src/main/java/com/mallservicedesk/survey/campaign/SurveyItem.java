package com.mallservicedesk.survey.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One question of a form, scored on the five-level scale, and the department responsible for it: an item below the
 * target becomes that department's improvement action.
 */
public record SurveyItem(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}") String code,
                         @NotBlank @Size(max = 100) String title,
                         @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String department) {
}

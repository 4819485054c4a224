package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who must rectify a finding: a named person and the department code (as dispatch knows departments) whose staff
 * may report progress on it (seed 002 一.3(4): 明確責任人和完成時間).
 */
public record Responsible(@NotBlank @Size(max = 100) @PlainText String name,
                          @NotBlank @Pattern(regexp = PatrolFinding.DEPARTMENT_CODE) String department) {
}

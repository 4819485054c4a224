package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of a progress report or of the rectification: what was done. */
public record FindingNote(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String note) {
}

package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the register's actions. */
final class ComplaintBodies {

    private ComplaintBodies() {
    }

    /** {@code POST …/complaint/handover}: optional note to the supervisor. */
    record Handover(@Size(max = 2000) @PlainText(multiline = true) String note) {
    }

    /** {@code POST …/complaint/investigation}: the department's findings and measures, as it reported them. */
    record Investigation(@NotBlank @Size(max = 2000) @PlainText(multiline = true) String findings,
                         @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String department) {
    }

    /** {@code POST …/complaint/review}: the supervisor's review of the result before the customer is answered. */
    record Review(@Size(max = 2000) @PlainText(multiline = true) String note) {
    }

    /** {@code POST …/complaint/feedback}: what the customer was told, and whether they accepted it. */
    record Feedback(@NotBlank @Size(max = 2000) @PlainText(multiline = true) String note, Boolean customerSatisfied) {
    }

    /** {@code POST …/complaint/conclusion}: the conclusion and measures reported to the supervisor (seed 000 §4.3.6). */
    record Conclusion(@NotBlank @Size(max = 2000) @PlainText(multiline = true) String conclusion) {
    }
}

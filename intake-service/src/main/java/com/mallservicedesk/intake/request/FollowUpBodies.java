package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the follow-up actions on consultations and suggestions. */
final class FollowUpBodies {

    private FollowUpBodies() {
    }

    /** {@code POST …/requests/{id}/answer}: the reply given to a consultation not answered on the spot. */
    record Answer(@NotBlank @Size(max = 2000) @PlainText(multiline = true) String answer) {
    }

    /** {@code POST …/requests/{id}/answer-review}: whether the answer given was correct. */
    record AnswerReview(@NotNull Boolean correct, @Size(max = 2000) @PlainText(multiline = true) String note) {
    }

    /** {@code POST …/requests/{id}/evaluation}: a suggestion adopted or not, and why. */
    record Evaluation(@NotNull Boolean adopted, @NotBlank @Size(max = 2000) @PlainText(multiline = true) String note) {
    }
}

package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlausibleTime;
import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/malls/{mallId}/requests}.
 *
 * @param answeredOnSpot a consultation answered at once is closed on the spot and never dispatched (seed 000 §4.3)
 */
public record RegisterRequest(
        @NotNull Channel channel,
        @NotNull RequestKind kind,
        @NotBlank @Size(min = 1, max = 2000) @PlainText(multiline = true) String description,
        @Size(max = 60) @PlainText String category,
        @Valid Location location,
        @Valid Customer customer,
        @PastOrPresent @PlausibleTime Instant receivedAt,
        Priority priority,
        Boolean answeredOnSpot,
        @Size(max = 2000) @PlainText(multiline = true) String answer) {
}

package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.web.PlainText;
import com.mallservicedesk.platform.web.PlausibleTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The body of {@code POST …/patrol-findings}: what the inspection round found, who fixes it, by when. */
public record RecordFinding(@NotNull @Valid Place place,
                            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String description,
                            @NotNull @Valid Responsible responsible,
                            @NotNull @PlausibleTime Instant deadline) {
}

package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.web.PlainText;
import com.mallservicedesk.platform.web.PlausibleTime;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST …/notices}. No floors (or zones) means every floor (or zone) of the mall.
 */
public record PublishNotice(@NotNull NoticeKind kind,
                            @Size(max = 50) List<@NotBlank @Size(max = 20) @PlainText String> floors,
                            @Size(max = 50) List<@NotBlank @Size(max = 40) @PlainText String> zones,
                            @NotNull @PlausibleTime Instant startsAt,
                            @NotNull @PlausibleTime Instant endsAt,
                            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String message) {
}

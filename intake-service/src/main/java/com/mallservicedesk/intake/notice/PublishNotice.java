package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.web.PlainText;
import com.mallservicedesk.platform.web.PlausibleTime;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST …/notices}. No floors (or zones) means every floor (or zone) of the mall. {@code departments}
 * are the departments that must be told (seed 000 §4.10: 及時通知相關部門和租戶), at most 20 department codes; dispatch
 * sends and tracks their notifications.
 */
public record PublishNotice(@NotNull NoticeKind kind,
                            @Size(max = 50) List<@NotBlank @Size(max = 20) @PlainText String> floors,
                            @Size(max = 50) List<@NotBlank @Size(max = 40) @PlainText String> zones,
                            @NotNull @PlausibleTime Instant startsAt,
                            @NotNull @PlausibleTime Instant endsAt,
                            @NotBlank @Size(max = 1000) @PlainText(multiline = true) String message,
                            @Size(max = 20) List<@NotBlank @Pattern(regexp = DEPARTMENT_CODE) String> departments) {

    /** Department codes as dispatch keeps them. */
    static final String DEPARTMENT_CODE = "[A-Z][A-Z0-9_]{1,39}";
}

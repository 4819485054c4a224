package com.mallservicedesk.intake.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST …/notices}. No floors (or zones) means every floor (or zone) of the mall.
 */
public record PublishNotice(@NotNull NoticeKind kind,
                            @Size(max = 50) List<@NotBlank @Size(max = 20) String> floors,
                            @Size(max = 50) List<@NotBlank @Size(max = 40) String> zones,
                            @NotNull Instant startsAt,
                            @NotNull Instant endsAt,
                            @NotBlank @Size(max = 1000) String message) {
}

package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlausibleTime;
import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What a channel adapter (WeChat, QQ, online platform, email) posts for each incoming message.
 *
 * @param kind       the adapter's guess; the front desk may correct it on acceptance (default CONSULTATION)
 * @param receivedAt when the customer sent it: the acceptance limit counts from here (seed 001 §二.3)
 */
public record OnlineMessage(
        RequestKind kind,
        @NotBlank @Size(min = 1, max = 2000) @PlainText(multiline = true) String description,
        @Size(max = 60) @PlainText String category,
        @Valid Location location,
        @Valid Customer customer,
        @PastOrPresent @PlausibleTime Instant receivedAt) {
}

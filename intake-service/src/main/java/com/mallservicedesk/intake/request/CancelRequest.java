package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CancelRequest(@NotBlank @Size(max = 500) @PlainText(multiline = true) String reason) {
}

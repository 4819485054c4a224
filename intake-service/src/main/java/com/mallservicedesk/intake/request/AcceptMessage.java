package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.Size;

/** Optional corrections the front desk makes when it accepts an online message. */
public record AcceptMessage(RequestKind kind, @Size(max = 60) @PlainText String category, Priority priority,
                            Boolean answeredOnSpot, @Size(max = 2000) @PlainText(multiline = true) String answer) {
}

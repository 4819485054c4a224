package com.mallservicedesk.intake.request;

import jakarta.validation.constraints.Size;

/** Optional corrections the front desk makes when it accepts an online message. */
public record AcceptMessage(RequestKind kind, @Size(max = 60) String category, Priority priority,
                            Boolean answeredOnSpot, @Size(max = 2000) String answer) {
}

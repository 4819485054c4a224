package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.Size;

public record Location(@Size(max = 20) @PlainText String floor, @Size(max = 40) @PlainText String zone,
                       @Size(max = 40) @PlainText String unit) {
}

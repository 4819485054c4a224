package com.mallservicedesk.intake.request;

import jakarta.validation.constraints.Size;

public record Location(@Size(max = 20) String floor, @Size(max = 40) String zone, @Size(max = 40) String unit) {
}

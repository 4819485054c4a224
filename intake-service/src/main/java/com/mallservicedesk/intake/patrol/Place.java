package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where the patrol found the problem, given like a request's location: floor, zone and, if useful, the spot. */
public record Place(@NotBlank @Size(max = 20) @PlainText String floor, @Size(max = 40) @PlainText String zone,
                    @Size(max = 100) @PlainText String spot) {
}

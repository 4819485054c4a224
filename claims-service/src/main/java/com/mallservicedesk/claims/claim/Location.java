package com.mallservicedesk.claims.claim;

import jakarta.validation.constraints.Size;

/** Where in the mall: floor, zone and unit, as intake records them. */
public record Location(@Size(max = 40) String floor, @Size(max = 40) String zone, @Size(max = 40) String unit) {
}

package com.mallservicedesk.callback.policy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * What the mall aims for, as decimals 0..1: callback rate ≥ 95 % in a mall (seed 000 §4.4.6), 100 % on a campus
 * (seed 001 §二.5); satisfaction ≥ 90 % (seed 001 §二.5).
 */
public record Targets(@NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double callbackRate,
                      @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double satisfactionRate) {

    public static final Targets MALL = new Targets(0.95, 0.90);
    public static final Targets CAMPUS = new Targets(1.0, 0.90);
}

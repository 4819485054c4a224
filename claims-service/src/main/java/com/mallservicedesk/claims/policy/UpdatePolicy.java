package com.mallservicedesk.claims.policy;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The body of {@code PUT …/insurance-policy}. A missing {@code insurerCredential} keeps the stored one (it is never
 * shown, so a client cannot send it back); an empty string removes it.
 */
record UpdatePolicy(@NotBlank @Size(max = 200) String insurer,
                    @NotBlank @Size(max = 100) String policyNumber,
                    @Size(max = 500) String insurerEndpoint,
                    @Size(max = 2000) String insurerCredential,
                    @Size(max = 40) String insurerPhone,
                    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal advanceCapCny,
                    Map<String, Duration> stepDueTimes) {
}

package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.web.PlausibleTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What is known about an incident, as the handler records it: when and where it happened (kept apart from when it was
 * reported), the category, the account, the people and belongings involved, the damage and the estimated loss, and
 * later the cause and corrective actions for the special incident report. The body of {@code POST …/claims} and of
 * {@code PUT …/claims/{id}/facts} (which replaces the facts).
 */
public record IncidentFacts(
        @NotNull @PastOrPresent @PlausibleTime Instant occurredAt,
        @Valid Location location,
        @Size(max = 500) String placeDescription,
        @NotNull IncidentCategory category,
        Boolean warningSignUp,
        @NotBlank @Size(max = 4000) String account,
        @Size(max = 50) List<People.@Valid Party> parties,
        @Size(max = 50) List<People.@Valid Injured> injured,
        @Size(max = 50) List<People.@Valid ThirdParty> thirdParties,
        @Size(max = 100) List<People.@Valid DamagedBelonging> damagedBelongings,
        @Size(max = 2000) String damage,
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal estimatedLossCny,
        @Size(max = 4000) String cause,
        @Size(max = 4000) String correctiveActions) {

    public IncidentFacts {
        parties = parties == null ? List.of() : List.copyOf(parties);
        injured = injured == null ? List.of() : List.copyOf(injured);
        thirdParties = thirdParties == null ? List.of() : List.copyOf(thirdParties);
        damagedBelongings = damagedBelongings == null ? List.of() : List.copyOf(damagedBelongings);
    }

    /** Somewhere to find it: a floor or a written description of the place. */
    boolean hasPlace() {
        return (location != null && notBlank(location.floor())) || notBlank(placeDescription);
    }

    static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}

package com.mallservicedesk.claims.claim;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Who and what an incident involved (seed 000 §第三條 4.2.2(2.3)–(2.4), 4.2.4(4)). */
public final class People {

    private People() {
    }

    /** Someone involved in the incident: the one who caused it, a store, a staff member, a driver. */
    public record Party(@NotBlank @Size(max = 100) String name, @Size(max = 100) String role,
                        @Size(max = 100) String contact) {

        Party withContact(String value) {
            return new Party(name, role, value);
        }
    }

    /**
     * An injured person. The patient's name must match the ID (seed 000 §第三條 4.2.3(4)); the ID number is stored but
     * shown masked to everyone except the property manager and the claim's handler.
     */
    public record Injured(@NotBlank @Size(max = 100) String name, @Size(max = 40) String idNumber,
                          @Size(max = 200) String employer, @Size(max = 500) String injury,
                          @Size(max = 100) String contact) {

        Injured withIdNumber(String value) {
            return new Injured(name, value, employer, injury, contact);
        }

        Injured withContact(String value) {
            return new Injured(name, idNumber, employer, injury, value);
        }
    }

    /** A third party present at the scene. */
    public record ThirdParty(@NotBlank @Size(max = 100) String name, @Size(max = 100) String contact,
                             @Size(max = 500) String note) {

        ThirdParty withContact(String value) {
            return new ThirdParty(name, value, note);
        }
    }

    /** A damaged belonging of the injured (受傷者物品損失). */
    public record DamagedBelonging(@Size(max = 100) String owner, @NotBlank @Size(max = 200) String item,
                                   @Size(max = 500) String damage,
                                   @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal estimatedValueCny) {
    }
}

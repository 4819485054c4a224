package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Who contacted the front desk; the phone is personal data (seed 001 篇3 §8). */
public record Customer(@Size(max = 100) @PlainText String name,
                       @Pattern(regexp = "[0-9+\\- ]{3,20}") String phone,
                       CustomerType type,
                       @Size(max = 40) @PlainText String tenantId) {

    public enum CustomerType {
        SHOPPER, TENANT, OWNER, INTERNAL
    }
}

package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person at the store the front desk and the message gateway reach (store manager, duty phone). */
public record TenantContact(@NotBlank @Size(max = 100) @PlainText String name,
                            @Pattern(regexp = "[0-9+\\- ]{3,20}") String phone,
                            @Size(max = 200) @PlainText String wechat,
                            @Size(max = 60) @PlainText String role) {
}

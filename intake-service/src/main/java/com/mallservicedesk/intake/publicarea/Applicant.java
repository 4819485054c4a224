package com.mallservicedesk.intake.publicarea;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Who applies (業主或使用人, seed 000 公共區域 §4.1.1): an owner or a tenant, by name and, for a tenant, its directory id. */
public record Applicant(@NotBlank @Size(max = 100) @PlainText String name, @NotNull Kind kind,
                        @Size(max = 40) @PlainText String tenantId) {

    public enum Kind {
        OWNER, TENANT
    }
}

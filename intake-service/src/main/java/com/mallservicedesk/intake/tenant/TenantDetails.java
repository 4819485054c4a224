package com.mallservicedesk.intake.tenant;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of creating or updating a store in the tenant directory (業戶檔案). */
public record TenantDetails(@NotBlank @Size(max = 200) @PlainText String name,
                            @NotNull TenantKind kind,
                            @NotBlank @Size(max = 20) @PlainText String floor,
                            @Size(max = 40) @PlainText String zone,
                            @Size(max = 40) @PlainText String unit,
                            @Size(max = 20) List<@Valid TenantContact> contacts,
                            Boolean active) {
}

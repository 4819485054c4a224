package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Merges the request in the path into {@code parentId}, which keeps the work. */
public record MergeRequest(@NotBlank @Size(max = 60) @PlainText String parentId) {
}

package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Optional corrections the front desk makes when it accepts an online message.
 *
 * @param major              a major incident or complaint (seed 004 信息治理), as on a counter registration
 * @param relatedDepartments departments besides the handling one that must be told; at most 10 department codes
 */
public record AcceptMessage(RequestKind kind, @Size(max = 60) @PlainText String category, Priority priority,
                            Boolean answeredOnSpot, @Size(max = 2000) @PlainText(multiline = true) String answer,
                            Boolean major,
                            @Size(max = RegisterRequest.MAX_RELATED_DEPARTMENTS)
                            List<@NotNull @Pattern(regexp = RegisterRequest.DEPARTMENT_CODE) String> relatedDepartments) {

    /** The body as it was before major incidents and related departments. */
    public AcceptMessage(RequestKind kind, String category, Priority priority, Boolean answeredOnSpot, String answer) {
        this(kind, category, priority, answeredOnSpot, answer, null, null);
    }
}

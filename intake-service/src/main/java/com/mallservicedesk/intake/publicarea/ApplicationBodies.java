package com.mallservicedesk.intake.publicarea;

import com.mallservicedesk.platform.web.PlainText;
import com.mallservicedesk.platform.web.PlausibleTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The request bodies of the application's steps. */
public final class ApplicationBodies {

    static final String DEPARTMENT_CODE = "[A-Z][A-Z0-9_]{1,39}";

    private ApplicationBodies() {
    }

    /** The application (公共區域專享備案申請表) with its plan or drawing reference (§4.1.1). */
    public record Submit(@NotNull @Valid Applicant applicant, @NotNull @Valid Area area,
                         @NotBlank @Size(max = 500) @PlainText(multiline = true) String purpose,
                         @NotNull @PlausibleTime Instant from, @NotNull @PlausibleTime Instant to,
                         @NotBlank @Size(max = 200) @PlainText String planReference) {
    }

    public record DepartmentOpinion(@NotBlank @Pattern(regexp = DEPARTMENT_CODE) String department,
                                    @NotBlank @Size(max = 1000) @PlainText(multiline = true) String opinion) {
    }

    /** Customer service's written opinion and, where needed, the neighbouring departments' (§3.2, §4.1.1). */
    public record Review(@NotBlank @Size(max = 1000) @PlainText(multiline = true) String opinion,
                         @Size(max = 20) List<@NotNull @Valid DepartmentOpinion> departmentOpinions) {
    }

    /** The general manager's written consent or refusal (§3.2). */
    public record Decide(@NotNull Boolean approved,
                         @NotBlank @Size(max = 1000) @PlainText(multiline = true) String note) {
    }

    /** The contractor's schedule is filed and the entry formalities are done (§4.2.1). */
    public record Schedule(@NotBlank @Size(max = 100) @PlainText String contractor,
                           @NotBlank @Size(max = 200) @PlainText String scheduleReference,
                           @NotNull @AssertTrue Boolean entryFormalitiesCompleted) {
    }

    /** A patrol inspection during use (§4.3); a violation needs the rectification demanded (§4.3.2). */
    public record Inspect(@NotBlank @Pattern(regexp = DEPARTMENT_CODE) String department,
                          @NotBlank @Size(max = 1000) @PlainText(multiline = true) String note,
                          boolean violation,
                          @Size(max = 1000) @PlainText(multiline = true) String rectification) {
    }

    /** The completion inspection (§4.4); non-conformities need a written rectification note (§4.4.2). */
    public record InspectCompletion(@NotNull Boolean conforming,
                                    @Size(max = 1000) @PlainText(multiline = true) String nonConformities,
                                    @Size(max = 1000) @PlainText(multiline = true) String writtenNote) {
    }
}

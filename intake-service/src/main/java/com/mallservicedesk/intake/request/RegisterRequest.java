package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.web.PlausibleTime;
import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/malls/{mallId}/requests}.
 *
 * @param answeredOnSpot     a consultation answered at once is closed on the spot and never dispatched (seed 000 §4.3)
 * @param anonymous          the customer gives no name or contact: a phone call or visit may then be registered without
 *                           them (seed 000 §4.3 asks for both otherwise)
 * @param major              a major incident or complaint (seed 004 信息治理): the related departments are told within one
 *                           working day
 * @param relatedDepartments departments besides the handling one that must be told; at most 10 department codes
 */
public record RegisterRequest(
        @NotNull Channel channel,
        @NotNull RequestKind kind,
        @NotBlank @Size(min = 1, max = 2000) @PlainText(multiline = true) String description,
        @Size(max = 60) @PlainText String category,
        @Valid Location location,
        @Valid Customer customer,
        @PastOrPresent @PlausibleTime Instant receivedAt,
        Priority priority,
        Boolean answeredOnSpot,
        @Size(max = 2000) @PlainText(multiline = true) String answer,
        Boolean anonymous,
        Boolean major,
        @Size(max = RegisterRequest.MAX_RELATED_DEPARTMENTS)
        List<@NotNull @Pattern(regexp = RegisterRequest.DEPARTMENT_CODE) String> relatedDepartments) {

    /** Department codes as dispatch accepts them. */
    public static final String DEPARTMENT_CODE = "[A-Z][A-Z0-9_]{1,39}";
    public static final int MAX_RELATED_DEPARTMENTS = 10;

    /** The body as it was before anonymous contacts, major incidents and related departments. */
    public RegisterRequest(Channel channel, RequestKind kind, String description, String category, Location location,
                           Customer customer, Instant receivedAt, Priority priority, Boolean answeredOnSpot,
                           String answer) {
        this(channel, kind, description, category, location, customer, receivedAt, priority, answeredOnSpot, answer,
                null, null, null);
    }

    boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }
}

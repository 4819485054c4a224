package com.mallservicedesk.callback.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reached customer said. Which answers are asked depends on the callback's kind:
 * <ul>
 * <li>repair: timeliness (及時性), attitude (態度), quality (質量) (seed 000 §4.4.5);</li>
 * <li>complaint: whether it was resolved, whether the customer accepts the outcome (取得最終諒解), attitude
 * (seed 000 §4.3.4–4.3.5);</li>
 * <li>daily: overall satisfaction, attitude and quality optional (seed 000 §4.5.3: like the satisfaction survey).</li>
 * </ul>
 * Answers a kind does not ask are not kept.
 */
public record CallbackResult(@NotNull CallbackMethod method, Rating timeliness, Rating attitude, Rating quality,
                             Boolean complaintResolved, Boolean outcomeAccepted, Rating overall,
                             @Size(max = 2000) String comment) {

    /** The answers this kind asks that are missing. */
    List<String> missingFor(CallbackKind kind) {
        List<String> missing = new ArrayList<>();
        switch (kind) {
            case REPAIR -> {
                addIfNull(missing, "timeliness", timeliness);
                addIfNull(missing, "attitude", attitude);
                addIfNull(missing, "quality", quality);
            }
            case COMPLAINT -> {
                addIfNull(missing, "complaintResolved", complaintResolved);
                addIfNull(missing, "outcomeAccepted", outcomeAccepted);
                addIfNull(missing, "attitude", attitude);
            }
            case DAILY -> addIfNull(missing, "overall", overall);
        }
        return missing;
    }

    /** Only the answers the kind asks. */
    CallbackResult keptFor(CallbackKind kind) {
        return switch (kind) {
            case REPAIR -> new CallbackResult(method, timeliness, attitude, quality, null, null, null, comment);
            case COMPLAINT -> new CallbackResult(method, null, attitude, null, complaintResolved, outcomeAccepted, null, comment);
            case DAILY -> new CallbackResult(method, null, attitude, quality, null, null, overall, comment);
        };
    }

    /** What the customer was not satisfied with; empty means satisfied (every asked aspect is). */
    List<String> dissatisfiedWith() {
        List<String> items = new ArrayList<>();
        addIfDissatisfied(items, "timeliness", timeliness);
        addIfDissatisfied(items, "attitude", attitude);
        addIfDissatisfied(items, "quality", quality);
        addIfDissatisfied(items, "overall", overall);
        if (Boolean.FALSE.equals(complaintResolved)) {
            items.add("complaintResolved");
        }
        if (Boolean.FALSE.equals(outcomeAccepted)) {
            items.add("outcomeAccepted");
        }
        return items;
    }

    public boolean satisfied() {
        return dissatisfiedWith().isEmpty();
    }

    private static void addIfNull(List<String> missing, String field, Object value) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static void addIfDissatisfied(List<String> items, String field, Rating rating) {
        if (rating != null && !rating.satisfied()) {
            items.add(field);
        }
    }
}

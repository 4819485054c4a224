package com.mallservicedesk.callback.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the customer said: a repair callback asks about timeliness (及時性), attitude (態度) and quality
 * (質量) (seed 000 §4.8, seed 001 §二.5).
 */
public record CallbackResult(@NotNull CallbackMethod method, @NotNull Rating timeliness, @NotNull Rating attitude,
                             @NotNull Rating quality, @Size(max = 2000) String comment) {

    /** Satisfied only if every aspect is; otherwise the department corrects and the customer is called again. */
    public boolean satisfied() {
        return timeliness.satisfied() && attitude.satisfied() && quality.satisfied();
    }
}

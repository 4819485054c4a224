package com.mallservicedesk.callback.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/**
 * A new policy for the mall. Only {@code timing} is required: what is left out takes that timing's default (a campus
 * timing brings a 24-hour desk and a 100 % callback target).
 */
record PolicyUpdate(@NotNull CallbackTiming timing, Duration overdueAfter, @Valid Targets targets,
                    @Size(max = 10) List<@NotNull RequestKind> kinds,
                    @Min(1) @Max(10) Integer maxUnreachableAttempts,
                    @Min(0) @Max(100) Integer dailySampleSize,
                    @Valid DeskHours desk) {

    /** The kinds of request intake registers (intake's catalogue); a name outside it is refused as a typo. */
    enum RequestKind {
        CONSULTATION, COMPLAINT, REPAIR, SUGGESTION, HELP, INCIDENT
    }

    CallbackPolicy policy() {
        CallbackPolicy defaults = CallbackPolicy.forTiming(timing);
        DeskHours deskHours = desk != null ? desk : defaults.desk();
        return new CallbackPolicy(timing,
                overdueAfter != null ? overdueAfter : CallbackPolicy.defaultOverdueAfter(timing, deskHours),
                targets != null ? targets : defaults.targets(),
                kinds != null ? kinds.stream().map(Enum::name).distinct().toList() : defaults.kinds(),
                maxUnreachableAttempts != null ? maxUnreachableAttempts : defaults.maxUnreachableAttempts(),
                dailySampleSize != null ? dailySampleSize : defaults.dailySampleSize(),
                deskHours);
    }
}

package com.mallservicedesk.callback.policy;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A new policy for the mall. Only {@code timing} is required: what is left out takes that timing's default (a campus
 * timing brings a 100 % callback target). The desk's hours and the time zone are intake's mall settings; a {@code desk}
 * sent here is refused so that nobody believes it was set.
 *
 * @param supervisorAfterUnsatisfied unsatisfied callbacks of the same request after which the supervisor takes over
 *                                   (default 2, seed 003 §2)
 * @param desk                       not accepted any more: set the desk's hours in intake's mall settings
 */
record PolicyUpdate(@NotNull CallbackTiming timing, Duration overdueAfter, @Valid Targets targets,
                    @Size(max = 10) List<@NotNull RequestKind> kinds,
                    @Min(1) @Max(10) Integer maxUnreachableAttempts,
                    @Min(0) @Max(100) Integer dailySampleSize,
                    @Min(1) @Max(10) Integer supervisorAfterUnsatisfied,
                    Map<String, Object> desk) {

    /** The kinds of request intake registers (intake's catalogue); a name outside it is refused as a typo. */
    enum RequestKind {
        CONSULTATION, COMPLAINT, REPAIR, SUGGESTION, HELP, INCIDENT
    }

    CallbackPolicy policy(WorkingCalendar deskHours) {
        CallbackPolicy defaults = CallbackPolicy.forTiming(timing, deskHours);
        return new CallbackPolicy(timing, overdueAfter,
                targets != null ? targets : defaults.targets(),
                kinds != null ? kinds.stream().map(Enum::name).distinct().toList() : defaults.kinds(),
                maxUnreachableAttempts != null ? maxUnreachableAttempts : defaults.maxUnreachableAttempts(),
                dailySampleSize != null ? dailySampleSize : defaults.dailySampleSize(),
                supervisorAfterUnsatisfied != null ? supervisorAfterUnsatisfied : defaults.supervisorAfterUnsatisfied(),
                deskHours);
    }
}

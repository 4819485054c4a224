package com.mallservicedesk.dispatch.sla;

import com.mallservicedesk.platform.problem.FieldErrors;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bounds of a mall's service levels. The seeds count the response rules in minutes (dispatch ≤ 5 min, seed 001
 * §二.3; contact "at once", seed 000 §4.5): a day is far
 * beyond any of them yet keeps a typo from turning "minutes" into years. Repairs are due in 2 days (seed 000 §4.4.3):
 * 30 days leaves room for slow jobs while every deadline and timer stays within a month. Complaint investigations take
 * [X] working days (seed 003 §2, default 3): at most 30, about six weeks. Together with calendars of at least an hour
 * on an open day, every deadline is found within a year of calendar days; the calendar arithmetic can neither
 * overflow nor search without end, so one mall's policy can no longer stall the consumer all malls share.
 *
 * @param shortest          the least of every time limit (the seeds' unit is the minute)
 * @param longestResponse   dispatch and contact limits
 * @param longestCompletion the repair completion limit
 * @param mostWorkingDays   the complaint investigation, in working days (at least 1)
 * @param longestPromise    how far ahead a department may promise completion when it reports a delay (seed 000 §4.6)
 */
@ConfigurationProperties("dispatch.sla-limits")
public record SlaPolicyLimits(@DefaultValue("PT1M") Duration shortest, @DefaultValue("P1D") Duration longestResponse,
                              @DefaultValue("P30D") Duration longestCompletion, @DefaultValue("30") int mostWorkingDays,
                              @DefaultValue("P90D") Duration longestPromise) {

    /** What is wrong with a policy, field by field in the order of the policy's fields; empty when it is fine. */
    public FieldErrors problems(SlaPolicy policy) {
        FieldErrors problems = new FieldErrors();
        check(problems, "dispatchWithin", policy.dispatchWithin(), longestResponse);
        check(problems, "contactWithin", policy.contactWithin(), longestResponse);
        check(problems, "repairCompletionWithin", policy.repairCompletionWithin(), longestCompletion);
        if (!workingDaysFit(policy.complaintInvestigationWorkingDays())) {
            problems.add("complaintInvestigationWorkingDays", "out-of-range");
        }
        return problems;
    }

    /** A stored policy as it can be used, and the fields that had to fall back. */
    record Repaired(SlaPolicy policy, List<String> replaced) {
    }

    /**
     * Reads a stored policy, keeping each value that is readable and within the bounds and taking the default for
     * the others. A policy stored before the bounds existed may hold anything.
     */
    Repaired repair(SlaPolicyDocument stored, SlaPolicy defaults) {
        List<String> replaced = new ArrayList<>();
        Duration dispatch = duration(stored.dispatchWithin(), longestResponse, defaults.dispatchWithin(), "dispatchWithin", replaced);
        Duration contact = duration(stored.contactWithin(), longestResponse, defaults.contactWithin(), "contactWithin", replaced);
        Duration repair = duration(stored.repairCompletionWithin(), longestCompletion, defaults.repairCompletionWithin(),
                "repairCompletionWithin", replaced);
        int days = stored.complaintInvestigationWorkingDays();
        if (!workingDaysFit(days)) {
            days = defaults.complaintInvestigationWorkingDays();
            replaced.add("complaintInvestigationWorkingDays");
        }
        return new Repaired(new SlaPolicy(dispatch, contact, stored.sameDayHandling(), repair, days), replaced);
    }

    private Duration duration(String stored, Duration longest, Duration fallback, String field, List<String> replaced) {
        Duration value = parse(stored);
        if (value == null || !fits(value, longest)) {
            replaced.add(field);
            return fallback;
        }
        return value;
    }

    private static Duration parse(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return Duration.parse(stored);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private void check(FieldErrors problems, String field, Duration value, Duration longest) {
        if (value == null) {
            problems.add(field, "required");
        } else if (value.compareTo(shortest) < 0) {
            problems.add(field, "too-short");
        } else if (value.compareTo(longest) > 0) {
            problems.add(field, "too-long");
        }
    }

    private boolean fits(Duration value, Duration longest) {
        return value.compareTo(shortest) >= 0 && value.compareTo(longest) <= 0;
    }

    private boolean workingDaysFit(int days) {
        return days >= 1 && days <= mostWorkingDays;
    }

    /** Refuses to start with defaults outside the bounds: every mall without a policy of its own would get them. */
    void requireWithin(SlaPolicy defaults) {
        var problems = problems(defaults);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("dispatch.sla defaults outside dispatch.sla-limits: " + problems);
        }
    }
}

package com.mallservicedesk.callback.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * How one mall calls its customers back (回訪, seed 000 §第四條, seed 001 §二.5).
 *
 * @param overdueAfter           desk working time, from when a callback is due, after which it is overdue
 * @param kinds                  the request kinds whose completed work gets a callback
 * @param maxUnreachableAttempts unreachable attempts, on different days, after which a callback ends unreachable
 * @param dailySampleSize        tenants called each day without a request (日常主動性回訪, seed 000 §4.5); 0 turns it off
 */
public record CallbackPolicy(CallbackTiming timing, Duration overdueAfter, Targets targets, List<String> kinds,
                             int maxUnreachableAttempts, int dailySampleSize, DeskHours desk) {

    /** Repairs and complaints are called back (seed 000 §4.3, §4.4), and so is other help the departments gave (seed 001 §二.5). */
    public static final List<String> DEFAULT_KINDS = List.of("REPAIR", "COMPLAINT", "HELP");
    public static final int DEFAULT_MAX_UNREACHABLE = 3;
    public static final int DEFAULT_DAILY_SAMPLE = 3;

    public static final CallbackPolicy MALL = forTiming(CallbackTiming.NEXT_DAY);

    /** The defaults of a timing: a campus (within 24 h) has a 24-hour desk and a 100 % callback target. */
    public static CallbackPolicy forTiming(CallbackTiming timing) {
        boolean campus = timing == CallbackTiming.WITHIN_24H;
        DeskHours desk = campus ? DeskHours.AROUND_THE_CLOCK : DeskHours.MALL;
        return new CallbackPolicy(timing, defaultOverdueAfter(timing, desk), campus ? Targets.CAMPUS : Targets.MALL,
                DEFAULT_KINDS, DEFAULT_MAX_UNREACHABLE, DEFAULT_DAILY_SAMPLE, desk);
    }

    /** Next day: by the end of that working day; within 24 h: 24 hours of desk time. */
    public static Duration defaultOverdueAfter(CallbackTiming timing, DeskHours desk) {
        return timing == CallbackTiming.WITHIN_24H ? Duration.ofHours(24) : desk.dayLength();
    }

    public boolean callsBack(String requestKind) {
        return requestKind != null && kinds.contains(requestKind);
    }

    /** When the desk should start calling after work completed at {@code completedAt}. */
    public Instant callableFrom(Instant completedAt) {
        if (timing == CallbackTiming.WITHIN_24H) {
            return completedAt;
        }
        return desk.openingOf(desk.nextWorkingDay(desk.dateOf(completedAt)));
    }

    /** When a callback that became callable at {@code callableFrom} is overdue. */
    public Instant dueAt(Instant callableFrom) {
        return desk.addWorkingTime(callableFrom, overdueAfter);
    }

    /** Opening of the desk on the given day, or on the next working day if the desk is closed that day. */
    public Instant openingOnOrAfter(LocalDate date) {
        return desk.openingOf(desk.workingDayOnOrAfter(date));
    }

    public Set<String> kindSet() {
        return Set.copyOf(kinds);
    }
}

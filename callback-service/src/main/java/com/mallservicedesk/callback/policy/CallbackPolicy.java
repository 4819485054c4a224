package com.mallservicedesk.callback.policy;

import com.mallservicedesk.callback.mall.Site;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * How one mall calls its customers back (回訪, seed 000 §第四條, seed 001 §二.5): the mall's own settings, and the desk's
 * working calendar in the mall's time zone from intake's mall settings (contract C1).
 *
 * @param overdueAfter               desk working time, from when a callback is due, after which it is overdue; null: the
 *                                   seeds' rule (the close of the next working day, or 24 hours on a campus)
 * @param kinds                      the request kinds whose completed work gets a callback
 * @param maxUnreachableAttempts     unreachable attempts, on different days, after which a callback ends unreachable
 * @param dailySampleSize            tenants called each day without a request (日常主動性回訪, seed 000 §4.5); 0 turns it off
 * @param supervisorAfterUnsatisfied unsatisfied callbacks of the same request after which the customer-service
 *                                   supervisor takes the case over (seed 003 §2, seed 000 §4.8)
 * @param desk                       the desk's working calendar (intake's mall settings, C1)
 */
public record CallbackPolicy(CallbackTiming timing, Duration overdueAfter, Targets targets, List<String> kinds,
                             int maxUnreachableAttempts, int dailySampleSize, int supervisorAfterUnsatisfied,
                             WorkingCalendar desk) {

    /** Repairs and complaints are called back (seed 000 §4.3, §4.4), and so is other help the departments gave (seed 001 §二.5). */
    public static final List<String> DEFAULT_KINDS = List.of("REPAIR", "COMPLAINT", "HELP");
    public static final int DEFAULT_MAX_UNREACHABLE = 3;
    public static final int DEFAULT_DAILY_SAMPLE = 3;
    /** The second unsatisfied callback brings the supervisor in (seed 003 §2 "客服主管應協調相關部門重新處理,直至客戶滿意為止"). */
    public static final int DEFAULT_SUPERVISOR_AFTER = 2;
    /** "Within 24 hours of completion" on a campus (seed 001 §二.5). */
    public static final Duration CAMPUS_WINDOW = Duration.ofHours(24);

    /** The defaults of a site: a campus calls back within 24 h and aims for every callback (seed 001 §二.5). */
    public static CallbackPolicy forSite(Site site) {
        return forTiming(site.campus() ? CallbackTiming.WITHIN_24H : CallbackTiming.NEXT_DAY, site.desk());
    }

    /** The defaults of a timing on the given desk calendar. */
    public static CallbackPolicy forTiming(CallbackTiming timing, WorkingCalendar desk) {
        boolean campus = timing == CallbackTiming.WITHIN_24H;
        return new CallbackPolicy(timing, null, campus ? Targets.CAMPUS : Targets.MALL, DEFAULT_KINDS,
                DEFAULT_MAX_UNREACHABLE, DEFAULT_DAILY_SAMPLE, DEFAULT_SUPERVISOR_AFTER, desk);
    }

    public CallbackPolicy {
        supervisorAfterUnsatisfied = supervisorAfterUnsatisfied > 0 ? supervisorAfterUnsatisfied : DEFAULT_SUPERVISOR_AFTER;
    }

    public boolean callsBack(String requestKind) {
        return requestKind != null && kinds.contains(requestKind);
    }

    public ZoneId zone() {
        return desk.zone();
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    /**
     * When the desk should start calling after work completed at {@code completedAt}: at once within 24 h; else when
     * the desk's next working day begins (seed 000 §4.4.4 "返單後的第二天").
     */
    public Instant callableFrom(Instant completedAt) {
        if (timing == CallbackTiming.WITHIN_24H) {
            return completedAt;
        }
        Instant nextDayOpens = openingOnOrAfter(dateOf(completedAt).plusDays(1));
        Instant due = dueAfterWork(completedAt, null);
        return nextDayOpens.isAfter(due) ? due : nextDayOpens;
    }

    /**
     * When the callback of work completed at {@code completedAt} is overdue: by the close of the desk's next working
     * day (seed 000 §4.4.4), or 24 hours after completion on a campus (seed 001 §二.5); a mall that set its own
     * {@code overdueAfter} counts that much desk time from {@code callableFrom}.
     */
    public Instant dueAfterWork(Instant completedAt, Instant callableFrom) {
        if (overdueAfter != null && callableFrom != null) {
            return desk.addWorkingTime(callableFrom, overdueAfter);
        }
        return timing == CallbackTiming.WITHIN_24H ? completedAt.plus(CAMPUS_WINDOW) : desk.addWorkingDays(completedAt, 1);
    }

    /** When a daily proactive callback, callable from {@code callableFrom}, is overdue: at the close of that working day. */
    public Instant dueAt(Instant callableFrom) {
        return overdueAfter != null ? desk.addWorkingTime(callableFrom, overdueAfter) : desk.endOfWorkingDay(callableFrom);
    }

    /** When the desk opens on the given day, or on its next working day if it does not work that day. */
    public Instant openingOnOrAfter(LocalDate date) {
        return desk.nextOpening(date.atStartOfDay(zone()).toInstant());
    }

    /** The first day after {@code date} on which the desk works. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return dateOf(openingOnOrAfter(date.plusDays(1)));
    }

    public Set<String> kindSet() {
        return Set.copyOf(kinds);
    }
}

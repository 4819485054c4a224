package com.mallservicedesk.callback.stats;

import com.mallservicedesk.callback.policy.Targets;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of a period, as the stats endpoint and the stats event show them. Rates are decimals 0..1 rounded to
 * four places, null when there is nothing to divide by; a target with no rate is neither met nor missed (null).
 *
 * <p>Callback rate = callbacks done ÷ completed work that needed one (seed 000 §4.4.6, target 95 %; 100 % on a campus,
 * seed 001 §二.5). Satisfaction = satisfied ÷ answered callbacks (target 90 %, seed 001 §二.5), where basically
 * satisfied or better counts as satisfied (seed 000 §4.5.2). Each item's rate is its satisfied answers ÷ its answers.
 */
public record Figures(long completionsNeedingCallback, long callbacksDone, long callbacksOnTime, Double callbackRate,
                      Double onTimeRate, long answered, long satisfied, Double satisfactionRate, Double timelinessRate,
                      Double attitudeRate, Double qualityRate, Double complaintResolvedRate, Double outcomeAcceptedRate,
                      long refused, long unreachable, long overdue, long noContact, long exempt, Proactive proactive,
                      Targets targets, Boolean callbackRateMet, Boolean satisfactionRateMet) {

    /** Daily proactive callbacks (seed 000 §4.5): not completions, so outside the callback rate. */
    public record Proactive(long scheduled, long done, long satisfied, Double satisfactionRate) {
    }

    public static Figures of(Tally t, Targets targets) {
        Double callbackRate = rate(t.get(Count.DONE), t.get(Count.NEEDING));
        Double satisfactionRate = rate(t.get(Count.SATISFIED), t.get(Count.ANSWERED));
        return new Figures(t.get(Count.NEEDING), t.get(Count.DONE), t.get(Count.ON_TIME), callbackRate,
                rate(t.get(Count.ON_TIME), t.get(Count.NEEDING)), t.get(Count.ANSWERED), t.get(Count.SATISFIED),
                satisfactionRate,
                rate(t.get(Count.TIMELINESS_SATISFIED), t.get(Count.TIMELINESS_ANSWERED)),
                rate(t.get(Count.ATTITUDE_SATISFIED), t.get(Count.ATTITUDE_ANSWERED)),
                rate(t.get(Count.QUALITY_SATISFIED), t.get(Count.QUALITY_ANSWERED)),
                rate(t.get(Count.COMPLAINT_RESOLVED), t.get(Count.COMPLAINT_ANSWERED)),
                rate(t.get(Count.OUTCOME_ACCEPTED), t.get(Count.COMPLAINT_ANSWERED)),
                t.get(Count.REFUSED), t.get(Count.UNREACHABLE), t.get(Count.OVERDUE), t.get(Count.NO_CONTACT),
                t.get(Count.EXEMPT),
                new Proactive(t.get(Count.PROACTIVE_SCHEDULED), t.get(Count.PROACTIVE_DONE), t.get(Count.PROACTIVE_SATISFIED),
                        rate(t.get(Count.PROACTIVE_SATISFIED), t.get(Count.PROACTIVE_DONE))),
                targets, met(callbackRate, targets.callbackRate()), met(satisfactionRate, targets.satisfactionRate()));
    }

    static Double rate(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    private static Boolean met(Double rate, Double target) {
        return rate == null || target == null ? null : rate >= target;
    }
}

package com.mallservicedesk.survey.satisfaction;

import com.mallservicedesk.survey.formula.SatisfactionFormulas;
import java.time.Instant;

/**
 * callback-service's figures of one mall and month (or one department), as its latest statistics event gave them,
 * with rates turned into percentages with one decimal. {@code reported} is false while no event came for the month.
 */
public record CallbackFigures(boolean reported, String department, long completionsNeedingCallback, long callbacksDone,
                              long callbacksOnTime, Double callbackRate, long satisfied, Double satisfactionRate,
                              Double timelinessRate, Double attitudeRate, Double qualityRate, long unreachable,
                              Double callbackRateTarget, Double satisfactionRateTarget, Boolean callbackRateMet,
                              Boolean satisfactionRateMet, Instant asOf) {

    /** Targets of seed 000 §4.4.6 (callback rate ≥ 95 %) and seed 001 §二.5 (satisfaction ≥ 90 %) until told others. */
    static final double DEFAULT_CALLBACK_TARGET = 0.95;

    static CallbackFigures none(String department) {
        return new CallbackFigures(false, department, 0, 0, 0, null, 0, null, null, null, null, 0,
                SatisfactionFormulas.percent(DEFAULT_CALLBACK_TARGET), SatisfactionFormulas.percent(SatisfactionFormulas.TARGET),
                null, null, null);
    }

    static CallbackFigures of(CallbackStatsUpdated s, Instant asOf) {
        Double callbackTarget = s.targets() == null || s.targets().callbackRate() == null ? DEFAULT_CALLBACK_TARGET
                : s.targets().callbackRate();
        Double satisfactionTarget = s.targets() == null || s.targets().satisfactionRate() == null
                ? SatisfactionFormulas.TARGET : s.targets().satisfactionRate();
        return new CallbackFigures(true, s.department(), n(s.completionsNeedingCallback()), n(s.callbacksDone()),
                n(s.callbacksOnTime()), pct(s.callbackRate()), n(s.satisfied()), pct(s.satisfactionRate()),
                pct(s.timelinessRate()), pct(s.attitudeRate()), pct(s.qualityRate()), n(s.unreachable()),
                pct(callbackTarget), pct(satisfactionTarget), s.callbackRateMet(), s.satisfactionRateMet(), asOf);
    }

    /** The callback rate as a ratio 0..1, for gauges. */
    public Double callbackRatio() {
        return callbackRate == null ? null : Math.round(callbackRate * 10) / 1000.0;
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }

    private static Double pct(Double ratio) {
        return SatisfactionFormulas.percent(ratio);
    }
}

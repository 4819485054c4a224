package com.mallservicedesk.survey.satisfaction;

import com.mallservicedesk.survey.formula.SatisfactionFormulas;
import java.util.Map;
import org.bson.Document;

/**
 * Callback satisfaction of one mall and month, with every answered callback as a respondent whose surveyed items are
 * its answered aspects.
 *
 * @param callbacks               answered callbacks (respondents)
 * @param satisfied               callbacks whose answered aspects were all at a satisfied level
 * @param satisfactionRate        seed 000 §4.5.1: the mean of the respondents' satisfaction (satisfied ÷ surveyed
 *                                aspects), in percent with one decimal; null without callbacks
 * @param allAspectsSatisfiedRate the share of callbacks with every aspect satisfied ({@code satisfied ÷ callbacks}),
 *                                the figure this endpoint used to call satisfaction
 * @param aspects                 per aspect: the share of answers at a satisfied level, in percent
 */
public record MonthlySatisfaction(String mallId, String month, long callbacks, long satisfied, Double satisfactionRate,
                                  Double allAspectsSatisfiedRate, Map<String, Double> aspects) {

    static final String[] ASPECTS = {"timeliness", "attitude", "quality"};

    static MonthlySatisfaction from(String mallId, String month, Document figures) {
        long callbacks = number(figures, "callbacks");
        double respondentSum = figures == null || figures.get("respondentSatisfactionSum") == null ? 0
                : ((Number) figures.get("respondentSatisfactionSum")).doubleValue();
        long satisfied = number(figures, "allSatisfied");
        var aspects = new java.util.LinkedHashMap<String, Double>();
        Document byAspect = figures == null ? null : figures.get("aspects", Document.class);
        for (String aspect : ASPECTS) {
            Document one = byAspect == null ? null : byAspect.get(aspect, Document.class);
            aspects.put(aspect, SatisfactionFormulas.percent(number(one, "satisfied"), number(one, "answered")));
        }
        return new MonthlySatisfaction(mallId, month, callbacks, satisfied,
                SatisfactionFormulas.percent(SatisfactionFormulas.overall(respondentSum, callbacks)),
                SatisfactionFormulas.percent(satisfied, callbacks), aspects);
    }

    /** The respondent formula as a ratio 0..1, for gauges; null without callbacks. */
    public Double satisfactionRatio() {
        return satisfactionRate == null ? null : Math.round(satisfactionRate * 10) / 1000.0;
    }

    private static long number(Document d, String key) {
        return d == null || d.get(key) == null ? 0 : ((Number) d.get(key)).longValue();
    }
}

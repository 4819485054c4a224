package com.mallservicedesk.survey.satisfaction;

/**
 * Survey's trimmed copy of callback-service's {@code mall.callback.stats.updated.v1}: the callback figures of one mall,
 * month and department ({@code null} for the whole mall). Rates are decimals 0..1, null when there is nothing to divide.
 */
record CallbackStatsUpdated(String mallId, String month, String department, Long completionsNeedingCallback,
                            Long callbacksDone, Long callbacksOnTime, Double callbackRate, Long satisfied,
                            Double satisfactionRate, Double timelinessRate, Double attitudeRate, Double qualityRate,
                            Long unreachable, Targets targets, Boolean callbackRateMet, Boolean satisfactionRateMet) {

    record Targets(Double callbackRate, Double satisfactionRate) {
    }
}

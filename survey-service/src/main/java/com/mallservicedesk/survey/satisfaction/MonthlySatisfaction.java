package com.mallservicedesk.survey.satisfaction;

/**
 * Callback satisfaction of one mall and month: satisfied answers ÷ answered callbacks × 100 %
 * (seed 000 §4.5.1; target ≥ 90 %, seed 001 §二.5).
 */
record MonthlySatisfaction(String mallId, String month, long callbacks, long satisfied, Double satisfactionRate) {

    static MonthlySatisfaction of(String mallId, String month, long callbacks, long satisfied) {
        Double rate = callbacks == 0 ? null : Math.round(satisfied * 10000.0 / callbacks) / 100.0;
        return new MonthlySatisfaction(mallId, month, callbacks, satisfied, rate);
    }
}

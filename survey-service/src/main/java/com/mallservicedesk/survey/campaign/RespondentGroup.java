package com.mallservicedesk.survey.campaign;

/**
 * Who a respondent is (seed 000 §顧客滿意度調查規程 4.2): form A goes to every anchor store (大店), the typical counters
 * (典型專柜) and a random sample of the other counters; form B to the related departments, which evaluate the property
 * department.
 */
public enum RespondentGroup {
    ANCHOR_STORE, TYPICAL_COUNTER, SAMPLED_COUNTER, DEPARTMENT
}

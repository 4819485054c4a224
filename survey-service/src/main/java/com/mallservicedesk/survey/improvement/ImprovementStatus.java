package com.mallservicedesk.survey.improvement;

/** OPEN until the manager records a plan (PLANNED), then IN_PROGRESS and DONE, which is final. */
public enum ImprovementStatus {
    OPEN, PLANNED, IN_PROGRESS, DONE
}

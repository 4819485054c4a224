package com.mallservicedesk.intake.patrol;

/** Where a patrol finding stands; OPEN and OVERDUE are still to be rectified. */
public enum FindingStatus {
    OPEN, OVERDUE, RECTIFIED
}

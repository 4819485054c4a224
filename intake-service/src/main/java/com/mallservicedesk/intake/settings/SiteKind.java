package com.mallservicedesk.intake.settings;

/**
 * What kind of site the desk serves: a shopping mall's desk works 12 hours a day for calls and visits (seed 000
 * §3.1.1), a campus service centre is on duty around the clock (seed 001 §二.1).
 */
public enum SiteKind {
    MALL, CAMPUS
}

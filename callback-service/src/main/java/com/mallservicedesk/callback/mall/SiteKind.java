package com.mallservicedesk.callback.mall;

/**
 * What kind of site a mall is, from intake's mall settings: a shopping mall (desk 12 hours a day, callback the next day,
 * seed 000 §3.1.1, §4.4.4) or a campus (24-hour duty, callback within 24 hours, seed 001 §二.1, §二.5).
 */
public enum SiteKind {
    MALL, CAMPUS
}

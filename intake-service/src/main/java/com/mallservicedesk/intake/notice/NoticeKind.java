package com.mallservicedesk.intake.notice;

/** Outage notices (停電/停水通知, seed 000 §4.10) and any other notice to the stores. */
public enum NoticeKind {
    POWER, WATER, OTHER
}

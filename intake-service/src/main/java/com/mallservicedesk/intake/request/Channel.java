package com.mallservicedesk.intake.request;

/** How the contact reached the front desk (seed 000 §第二條 3, seed 001 §二.3, seed 002 patrols). */
public enum Channel {
    PHONE, VISIT, INTERCOM, WECHAT, QQ, ONLINE, EMAIL, PATROL
}

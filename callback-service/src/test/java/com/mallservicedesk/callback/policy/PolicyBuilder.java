package com.mallservicedesk.callback.policy;

import com.mallservicedesk.callback.mall.Site;
import com.mallservicedesk.callback.mall.SiteKind;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.ZoneId;

/** Callback policies for rule tests, without a database: a mall's defaults unless told otherwise. */
public final class PolicyBuilder {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SiteKind siteKind = SiteKind.MALL;
    private WorkingCalendar desk;
    private ZoneId zone = SHANGHAI;
    private Integer supervisorAfter;
    private Duration overdueAfter;

    private PolicyBuilder() {
    }

    /** A mall as C1's defaults make it: desk 09:00–21:00 every day (seed 000 §3.1.1), Asia/Shanghai. */
    public static PolicyBuilder mall() {
        return new PolicyBuilder();
    }

    /** A campus: 24-hour duty (seed 001 §二.1). */
    public static PolicyBuilder campus() {
        PolicyBuilder b = new PolicyBuilder();
        b.siteKind = SiteKind.CAMPUS;
        return b;
    }

    public PolicyBuilder in(ZoneId zone) {
        this.zone = zone;
        return this;
    }

    public PolicyBuilder desk(WorkingCalendar desk) {
        this.desk = desk;
        return this;
    }

    public PolicyBuilder supervisorAfter(int unsatisfied) {
        this.supervisorAfter = unsatisfied;
        return this;
    }

    public PolicyBuilder overdueAfter(Duration overdueAfter) {
        this.overdueAfter = overdueAfter;
        return this;
    }

    public Site site() {
        WorkingCalendar calendar = desk != null ? desk.withZone(zone)
                : siteKind == SiteKind.CAMPUS ? WorkingCalendar.aroundTheClock(zone) : WorkingCalendar.mallDeskHours(zone);
        return new Site("M001", siteKind, calendar, 1);
    }

    public CallbackPolicy build() {
        CallbackPolicy d = CallbackPolicy.forSite(site());
        return new CallbackPolicy(d.timing(), overdueAfter, d.targets(), d.kinds(), d.maxUnreachableAttempts(),
                d.dailySampleSize(), supervisorAfter != null ? supervisorAfter : d.supervisorAfterUnsatisfied(), d.desk());
    }
}

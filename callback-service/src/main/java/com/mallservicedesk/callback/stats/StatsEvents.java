package com.mallservicedesk.callback.stats;

import com.mallservicedesk.callback.policy.Targets;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;

/** The figures event on {@code callback.callbacks.v1}; ce_subject {@code <mall>|<YYYY-MM>} (plus {@code |<department>}). */
final class StatsEvents {

    static final EventType UPDATED = new EventType("mall.callback.stats.updated.v1", "callback.callbacks.v1");

    private StatsEvents() {
    }

    /** A month's figures after a change; {@code department} null is the whole mall. */
    record Updated(String mallId, String month, String department, long completionsNeedingCallback, long callbacksDone,
                   long callbacksOnTime, Double callbackRate, long answered, long satisfied, Double satisfactionRate,
                   Double timelinessRate, Double attitudeRate, Double qualityRate, Double complaintResolvedRate,
                   long refused, long unreachable, long overdue, long noContact, long exempt, Figures.Proactive proactive,
                   Targets targets, Boolean callbackRateMet, Boolean satisfactionRateMet) implements DomainEvent {

        static Updated of(String mallId, String month, String department, Figures f) {
            return new Updated(mallId, month, department, f.completionsNeedingCallback(), f.callbacksDone(),
                    f.callbacksOnTime(), f.callbackRate(), f.answered(), f.satisfied(), f.satisfactionRate(),
                    f.timelinessRate(), f.attitudeRate(), f.qualityRate(), f.complaintResolvedRate(), f.refused(),
                    f.unreachable(), f.overdue(), f.noContact(), f.exempt(), f.proactive(), f.targets(),
                    f.callbackRateMet(), f.satisfactionRateMet());
        }

        @Override
        public EventType eventType() {
            return UPDATED;
        }
    }
}

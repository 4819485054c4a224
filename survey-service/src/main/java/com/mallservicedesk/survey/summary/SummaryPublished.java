package com.mallservicedesk.survey.summary;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;

/**
 * The supervisor's summary of a day ({@code mall.survey.summary.daily.v1}) or a week
 * ({@code mall.survey.summary.weekly.v1}), published after it ends for the consoles to show; a later change in the
 * period's figures publishes the next revision.
 */
final class SummaryPublished {

    static final String TOPIC = "survey.satisfaction.v1";
    static final EventType DAILY = new EventType("mall.survey.summary.daily.v1", TOPIC);
    static final EventType WEEKLY = new EventType("mall.survey.summary.weekly.v1", TOPIC);

    private SummaryPublished() {
    }

    record Daily(String mallId, String date, int revision, SupervisorSummary summary) implements DomainEvent {
        @Override
        public EventType eventType() {
            return DAILY;
        }
    }

    record Weekly(String mallId, String week, int revision, SupervisorSummary summary) implements DomainEvent {
        @Override
        public EventType eventType() {
            return WEEKLY;
        }
    }
}

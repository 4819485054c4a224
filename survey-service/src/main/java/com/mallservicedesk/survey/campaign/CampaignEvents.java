package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;
import java.util.List;

/** The events of survey campaigns, on {@code survey.satisfaction.v1}. */
final class CampaignEvents {

    static final String TOPIC = "survey.satisfaction.v1";
    static final EventType OPENED = new EventType("mall.survey.campaign.opened.v1", TOPIC);
    static final EventType CLOSED = new EventType("mall.survey.campaign.closed.v1", TOPIC);

    private CampaignEvents() {
    }

    record Opened(String surveyId, String period, Instant closesAt, int formARespondents, int formBRespondents,
                  String openedBy) implements DomainEvent {
        @Override
        public EventType eventType() {
            return OPENED;
        }
    }

    /**
     * @param overall          overall satisfaction in percent (seed 000 §4.5.1), null without responses
     * @param itemsBelowTarget form and item codes ({@code A.REPAIR}) below the 90 % target
     * @param closedBy         user id, or null when the period ended
     */
    record Closed(String surveyId, String period, int sampled, int responded, Double overall, Double formA,
                  Double formB, List<String> itemsBelowTarget, Instant closedAt, String closedBy) implements DomainEvent {
        @Override
        public EventType eventType() {
            return CLOSED;
        }
    }
}

package com.mallservicedesk.survey.improvement;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.EventType;
import java.time.Instant;
import java.time.LocalDate;

/** The events of improvement actions, on {@code survey.satisfaction.v1}. */
final class ImprovementEvents {

    static final String TOPIC = "survey.satisfaction.v1";
    static final EventType OPENED = new EventType("mall.survey.improvement.opened.v1", TOPIC);
    static final EventType UPDATED = new EventType("mall.survey.improvement.updated.v1", TOPIC);

    private ImprovementEvents() {
    }

    /** An item below the target was handed to its department for improvement (seed 000 §顧客滿意度調查規程 4.5.4). */
    record Opened(String improvementId, String surveyId, String period, String form, String itemCode, String itemTitle,
                  String department, Double satisfaction, Double target, String owner, LocalDate dueOn,
                  ImprovementStatus status, Instant openedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return OPENED;
        }
    }

    /** The manager recorded the improvement plan, or changed the owner, due date or status. */
    record Updated(String improvementId, String surveyId, String department, String owner, LocalDate dueOn,
                   ImprovementStatus status, String plan, String updatedBy, Instant updatedAt) implements DomainEvent {
        @Override
        public EventType eventType() {
            return UPDATED;
        }
    }
}

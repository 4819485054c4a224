package com.mallservicedesk.intake.escalation;

import com.mallservicedesk.intake.notice.DeliveryFailure;
import com.mallservicedesk.intake.notice.DeliveryState;
import com.mallservicedesk.platform.privacy.ContactDisclosure;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Instant;

/**
 * An escalation message and how its delivery stands. The phone follows the kit's one rule ({@link ContactDisclosure}):
 * the supervisors and managers who read this list see it masked.
 *
 * @param lastError a delivery failure code (gateway-unavailable, gateway-not-allowed …), never the gateway's answer
 */
public record EscalationMessageView(String id, String workOrderId, String requestId, String requestNumber,
                                    String department, Integer level, String toRole, Instant escalatedAt, String role,
                                    String name, String phone, DeliveryState state, int attempts, String lastError,
                                    Integer lastHttpStatus, Instant lastAttemptAt, Instant nextAttemptAt,
                                    Instant sentAt) {

    static EscalationMessageView of(EscalationMessage m, PlatformUser viewer) {
        return new EscalationMessageView(m.getId(), m.getWorkOrderId(), m.getRequestId(), m.getRequestNumber(),
                m.getDepartment(), m.getLevel(), m.getToRole(), m.getEscalatedAt(), m.getRole(), m.getName(),
                ContactDisclosure.phoneFor(viewer, m.getDepartment(), m.getPhone()), m.getState(), m.getAttempts(),
                DeliveryFailure.shown(m.getLastError()), m.getLastHttpStatus(), m.getLastAttemptAt(),
                m.isSent() ? null : m.getNextAttemptAt(), m.getSentAt());
    }
}

package com.mallservicedesk.intake.escalation;

import java.time.Instant;

/**
 * What the mall's gateway receives for one escalation message: whom to reach ({@code phone}) and a short text. It
 * names the request by number, never the customer: the gateway needs the staff member's number, not the customer's.
 */
public record EscalationGatewayMessage(String deliveryId, String kind, String mallId, String workOrderId,
                                       String requestNumber, String department, Integer level, String role, String name,
                                       String phone, Instant escalatedAt, String message) {

    static final String KIND = "ESCALATION";

    static EscalationGatewayMessage of(EscalationMessage m) {
        String text = "【升級處理】服務請求 %s(部門 %s)已升級至第 %s 級,請 %s 立即跟進。原因:%s".formatted(
                m.getRequestNumber(), m.getDepartment(), m.getLevel() == null ? "-" : m.getLevel(),
                m.getName() == null ? m.getRole() : m.getName(), m.getReason() == null ? "-" : m.getReason());
        return new EscalationGatewayMessage(m.getId(), KIND, m.getMallId(), m.getWorkOrderId(), m.getRequestNumber(),
                m.getDepartment(), m.getLevel(), m.getRole(), m.getName(), m.getPhone(), m.getEscalatedAt(), text);
    }
}

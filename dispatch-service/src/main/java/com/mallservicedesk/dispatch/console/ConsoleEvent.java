package com.mallservicedesk.dispatch.console;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One work-order event as the consoles replay it: numbered per mall in the order it was stored, so a console that
 * reconnects with {@code Last-Event-ID} gets exactly what it missed, after a restart and from any instance.
 *
 * @param eventId     the CloudEvent id; unique, so a redelivered event is stored once
 * @param departments the departments whose console shows it (the current one, and the one a transfer left)
 * @param roles       desk roles whose console shows it besides: {@code FRONT_DESK} for an escalation naming the front
 *                    desk among its targets and for an order waiting for the front desk to assign it; null in events
 *                    stored before roles existed
 * @param data        the event's data without the customer's contact details
 */
@Document("console_events")
@CompoundIndex(name = "mall_seq", def = "{'mallId': 1, 'seq': 1}", unique = true)
record ConsoleEvent(@Id String id, String mallId, long seq, @Indexed(unique = true) String eventId, String type,
                    String workOrderId, String requestId, java.util.List<String> departments, String status,
                    String toRole, Instant occurredAt, Instant storedAt, Map<String, Object> data,
                    java.util.List<String> roles) {

    static final String FRONT_DESK = "FRONT_DESK";
    static final String UNUSED_NUMBER = "unused-number";

    /**
     * What stands at a number no event uses: a redelivered event's second number, marked at once so that consoles pass
     * it without waiting. Its own key as {@code eventId} keeps the unique event index satisfied.
     */
    static ConsoleEvent unusedNumber(String mallId, long seq, Instant storedAt) {
        String id = mallId + ":" + seq;
        return new ConsoleEvent(id, mallId, seq, UNUSED_NUMBER + ":" + id, UNUSED_NUMBER, null, null,
                java.util.List.of(), null, null, null, storedAt, Map.of(), java.util.List.of());
    }

    boolean isUnusedNumber() {
        return UNUSED_NUMBER.equals(type);
    }

    boolean concerns(String department) {
        return departments != null && departments.contains(department);
    }

    boolean concernsFrontDesk() {
        return roles != null && roles.contains(FRONT_DESK);
    }
}

package com.mallservicedesk.dispatch.console;

import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@code data:} of a console's server-sent event, as the viewer may see it (phone numbers by the kit's rule). */
record ConsoleMessage(long seq, String type, String workOrderId, String requestId, List<String> departments,
                      String status, String toRole, Instant occurredAt, Map<String, Object> data) {

    static ConsoleMessage of(ConsoleEvent e, PlatformUser viewer) {
        return new ConsoleMessage(e.seq(), e.type(), e.workOrderId(), e.requestId(), e.departments(), e.status(),
                e.toRole(), e.occurredAt(), PhoneMasking.forViewer(e.data(), viewer));
    }
}

package com.mallservicedesk.dispatch.workorder;

import com.mallservicedesk.dispatch.escalation.EscalationRole;
import com.mallservicedesk.platform.privacy.ContactDisclosure;
import com.mallservicedesk.platform.privacy.FreeTextPhones;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A work order as departments and the front desk see it, with its timeline and running deadlines. Phone numbers are
 * shown as the kit's one rule says: in full to the front desk and to the staff of the department handling the order,
 * masked for everyone else (seed 001 篇3 §8).
 */
record WorkOrderView(String id, String mallId, String requestId, String requestNumber, String kind, String category,
                     String channel, String priority, String description, RegisteredRequest.Location location,
                     RegisteredRequest.Contact customer, List<RegisteredRequest.Contact> reporters, String department,
                     WorkOrderStatus status, Instant createdAt, Instant orderedAt, int round, int reopenCount,
                     Instant acceptedAt, String acceptedBy, Instant contactedAt, String delayReason, Instant promisedAt,
                     Instant completedAt, String summary, Duration workTime, int escalationLevel,
                     EscalationRole escalatedTo, boolean overdue, List<WorkOrder.Breach> breaches,
                     Map<String, Instant> deadlines, String closeReason, String mergedInto, List<WorkOrder.Step> timeline) {

    static WorkOrderView of(WorkOrder o, PlatformUser viewer) {
        return of(o, null, viewer);
    }

    /** @param deadlines the running service-level clocks by rule, or null in lists */
    static WorkOrderView of(WorkOrder o, Map<String, Instant> deadlines, PlatformUser viewer) {
        WorkOrderView view = new WorkOrderView(o.getId(), o.getMallId(), o.getRequestId(), o.getRequestNumber(), o.getKind(),
                o.getCategory(), o.getChannel(), o.getPriority(), o.getDescription(), o.getLocation(),
                contact(o.getCustomer(), o, viewer),
                o.getReporters().stream().map(r -> contact(new RegisteredRequest.Contact(r.name(), r.phone()), o, viewer))
                        .toList(),
                o.getDepartment(), o.getStatus(), o.getCreatedAt(), o.getOrderedAt(), o.getRound(), o.getRound() - 1,
                o.getRoundAcceptedAt(), o.getRoundAcceptedBy(), o.getContactedAt(), o.getDelayReason(), o.getPromisedAt(),
                o.getCompletedAt(), o.getSummary(),
                o.getCompletedAt() == null || o.getOrderedAt() == null ? null : Duration.between(o.getOrderedAt(), o.getCompletedAt()),
                o.getEscalationLevel(), o.getEscalatedTo(), o.isOverdue(), o.getBreaches(), deadlines, o.getCloseReason(),
                o.getMergedInto(), o.getTimeline());
        // Numbers typed into the description, summary or notes are masked wherever the phone field is.
        return ContactDisclosure.showsFullNumbers(viewer, o.getDepartment()) ? view : FreeTextPhones.inRecord(view);
    }

    private static RegisteredRequest.Contact contact(RegisteredRequest.Contact contact, WorkOrder o, PlatformUser viewer) {
        return contact == null ? null
                : new RegisteredRequest.Contact(contact.name(), ContactDisclosure.phoneFor(viewer, o.getDepartment(), contact.phone()));
    }
}

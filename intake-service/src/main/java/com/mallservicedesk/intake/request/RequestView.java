package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.privacy.PhoneMask;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A request as the front desk sees it. Phone numbers are shown in full only to those who call the customer
 * (seed 001 篇3 §8): the front desk, the CS supervisor and staff of the department handling the request;
 * everyone else sees {@code 138****0000}.
 */
public record RequestView(String id, String mallId, String number, Channel channel, RequestKind kind, String category,
                          String description, Location location, Customer customer, Priority priority, String answer,
                          Instant receivedAt, Instant registeredAt, RequestStatus status, Owner owner, Deadlines deadlines,
                          Instant acceptedAt, String department, String workOrderId, String possibleDuplicateOf,
                          String mergedInto, List<Reporter> reporters, String cancelReason, Instant closedAt,
                          String closeReason, List<TimelineEntry> timeline) {

    /** @param acceptanceOverdue the limit passed before the message was accepted */
    public record Deadlines(Instant acceptanceDueAt, boolean acceptanceOverdue) {
    }

    static RequestView of(ServiceRequest r, PlatformUser viewer) {
        boolean full = seesPhones(r, viewer);
        Customer customer = r.getCustomer();
        if (customer != null && !full) {
            customer = new Customer(customer.name(), PhoneMask.mask(customer.phone()), customer.type(), customer.tenantId());
        }
        List<Reporter> reporters = r.getReporters().stream()
                .map(p -> full ? p : new Reporter(p.requestId(), p.number(), p.name(), PhoneMask.mask(p.phone()), p.type()))
                .toList();
        Deadlines deadlines = r.getAcceptanceDueAt() == null ? null
                : new Deadlines(r.getAcceptanceDueAt(), r.isAcceptanceOverdue());
        return new RequestView(r.getId(), r.getMallId(), r.getNumber(), r.getChannel(), r.getKind(), r.getCategory(),
                r.getDescription(), r.getLocation(), customer, r.getPriority(), r.getAnswer(), r.getReceivedAt(),
                r.getRegisteredAt(), r.getStatus(), r.getOwner(), deadlines, r.getAcceptedAt(), r.getDepartment(),
                r.getWorkOrderId(), r.getPossibleDuplicateOf(), r.getMergedInto(), reporters, r.getCancelReason(),
                r.getClosedAt(), r.getCloseReason(), inTimeOrder(r.getTimeline()));
    }

    /** Events of different services arrive in any order; the timeline reads in the order things happened. */
    private static List<TimelineEntry> inTimeOrder(List<TimelineEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    static boolean seesPhones(ServiceRequest r, PlatformUser viewer) {
        if (viewer.has(Role.FRONT_DESK) || viewer.has(Role.SUPERVISOR)) {
            return true;
        }
        return viewer.has(Role.DEPT_STAFF) && viewer.department() != null && viewer.department().equals(r.getDepartment());
    }
}

package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.privacy.ContactDisclosure;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A request as the front desk sees it. Phone numbers of the customer and of merged reporters follow the kit's one
 * rule ({@link ContactDisclosure}, seed 001 篇3 §8): in full to the front desk and to the staff of the department that
 * handles the request's work order; everyone else, supervisors and managers included, sees {@code 138****0000}. The
 * timeline carries no numbers: intake never reads the contacts the work-order events carry.
 */
public record RequestView(String id, String mallId, String number, Channel channel, RequestKind kind, String category,
                          String description, Location location, Customer customer, Priority priority, String answer,
                          Instant receivedAt, Instant registeredAt, RequestStatus status, Owner owner, Deadlines deadlines,
                          Instant acceptedAt, String department, String workOrderId, String possibleDuplicateOf,
                          String mergedInto, List<Reporter> reporters, String cancelReason, Instant closedAt,
                          String closeReason, List<TimelineEntry> timeline, boolean anonymous, boolean major,
                          List<String> relatedDepartments, FollowUps followUps) {

    /** The view as it was before anonymous contacts, major incidents and related departments. */
    public RequestView(String id, String mallId, String number, Channel channel, RequestKind kind, String category,
                       String description, Location location, Customer customer, Priority priority, String answer,
                       Instant receivedAt, Instant registeredAt, RequestStatus status, Owner owner, Deadlines deadlines,
                       Instant acceptedAt, String department, String workOrderId, String possibleDuplicateOf,
                       String mergedInto, List<Reporter> reporters, String cancelReason, Instant closedAt,
                       String closeReason, List<TimelineEntry> timeline) {
        this(id, mallId, number, channel, kind, category, description, location, customer, priority, answer, receivedAt,
                registeredAt, status, owner, deadlines, acceptedAt, department, workOrderId, possibleDuplicateOf,
                mergedInto, reporters, cancelReason, closedAt, closeReason, timeline, false, false, List.of(), null);
    }

    /**
     * @param acceptanceStartsAt when the acceptance limit starts to count: the message's arrival, or when the desk
     *                           opens if it arrived while the desk was closed (seed 001 §二.3 in the desk's hours)
     * @param acceptanceDueAt    when the front desk must have accepted it: tell the customer
     * @param acceptanceOverdue  the limit passed before the message was accepted
     */
    public record Deadlines(Instant acceptanceStartsAt, Instant acceptanceDueAt, boolean acceptanceOverdue) {
    }

    /**
     * @param handlingDepartment the department of the work order that carries the request's work: its own, or for a
     *                           merged duplicate the parent's (see {@link RequestViews})
     */
    static RequestView of(ServiceRequest r, PlatformUser viewer, String handlingDepartment) {
        boolean full = ContactDisclosure.showsFullNumbers(viewer, handlingDepartment);
        Customer customer = r.getCustomer();
        if (customer != null && !full) {
            customer = new Customer(customer.name(), ContactDisclosure.mask(customer.phone()), customer.type(),
                    customer.tenantId());
        }
        List<Reporter> reporters = r.getReporters().stream()
                .map(p -> full ? p
                        : new Reporter(p.requestId(), p.number(), p.name(), ContactDisclosure.mask(p.phone()), p.type()))
                .toList();
        Deadlines deadlines = r.getAcceptanceDueAt() == null ? null
                : new Deadlines(r.getAcceptanceStartsAt(), r.getAcceptanceDueAt(), r.isAcceptanceOverdue());
        return new RequestView(r.getId(), r.getMallId(), r.getNumber(), r.getChannel(), r.getKind(), r.getCategory(),
                r.getDescription(), r.getLocation(), customer, r.getPriority(), r.getAnswer(), r.getReceivedAt(),
                r.getRegisteredAt(), r.getStatus(), r.getOwner(), deadlines, r.getAcceptedAt(), r.getDepartment(),
                r.getWorkOrderId(), r.getPossibleDuplicateOf(), r.getMergedInto(), reporters, r.getCancelReason(),
                r.getClosedAt(), r.getCloseReason(), inTimeOrder(r.getTimeline()), r.isAnonymous(), r.isMajor(),
                List.copyOf(r.getRelatedDepartments()), followUps(r));
    }

    /** Only consultations and suggestions have follow-ups. */
    private static FollowUps followUps(ServiceRequest r) {
        if (r.getKind() != RequestKind.CONSULTATION && r.getKind() != RequestKind.SUGGESTION) {
            return null;
        }
        return new FollowUps(r.getReplyClock(), r.getAnsweredAt(), r.getAnsweredBy(), r.getAnswerReview(),
                r.getEvaluationClock(), r.getEvaluation());
    }

    /** Events of different services arrive in any order; the timeline reads in the order things happened. */
    private static List<TimelineEntry> inTimeOrder(List<TimelineEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}

package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.privacy.ContactDisclosure;
import com.mallservicedesk.platform.privacy.FreeTextPhones;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Instant;
import java.util.List;

/**
 * A callback as the desk sees it: whom to call ({@code contacts}, or the {@code tenant} of a daily callback), when,
 * what was tried, what the customer said, and the chain of rounds of the same work order ({@code rounds}, this one
 * last; the latest {@value #MAX_ROUNDS_SHOWN} of a longer chain, {@code roundCount} says how many there are).
 * {@code kind} is the callback's kind, {@code requestKind} the request's. Numbers follow the kit's one disclosure rule:
 * in full to the front desk and to the staff of the department that handled the work, masked to everyone else.
 */
record CallbackView(String id, String mallId, CallbackKind kind, String requestKind, String requestId,
                    String requestNumber, String workOrderId, String department, int round,
                    List<CompletedWorkOrder.Contact> contacts, ProactiveTarget tenant, String sampleDate,
                    Instant workCompletedAt, String workSummary, Instant callableFrom, Instant dueAt, String month,
                    CallbackStatus status, ExemptReason exemptReason, List<Attempt> attempts, int unreachableDays,
                    int maxUnreachableAttempts, CallbackResult result, Boolean satisfied, List<String> dissatisfiedWith,
                    String calledBy, Instant completedAt, Boolean onTime, Instant overdueAt, boolean escalated,
                    String previousCallbackId, String nextCallbackId, List<Round> rounds, int roundCount) {

    /** A chain of rounds longer than this shows its latest ones: a view stays small however often work was reopened. */
    static final int MAX_ROUNDS_SHOWN = 20;

    static CallbackView of(Callback c, PlatformUser user) {
        List<CompletedWorkOrder.Contact> contacts = c.getContacts() == null ? List.of() : c.getContacts().stream()
                .map(k -> new CompletedWorkOrder.Contact(k.name(),
                        ContactDisclosure.phoneFor(user, c.getDepartment(), k.phone())))
                .toList();
        List<Round> rounds = c.rounds();
        CallbackView view = new CallbackView(c.getId(), c.getMallId(), c.getCallbackKind(), c.getKind(), c.getRequestId(),
                c.getRequestNumber(), c.getWorkOrderId(), c.getDepartment(), c.getRound(), contacts, c.getTenant(),
                c.getSampleDate(), c.getWorkCompletedAt(), c.getWorkSummary(), c.getCallableFrom(), c.getDueAt(),
                c.getMonth(), c.getStatus(), c.getExemptReason(), c.getAttempts(), c.unreachableDays(),
                c.getMaxUnreachableAttempts(), c.getResult(), c.getSatisfied(), c.getDissatisfiedWith(), c.getCalledBy(),
                c.getCompletedAt(), c.getOnTime(), c.getOverdueAt(), c.isEscalated(), c.getPreviousCallbackId(),
                c.getNextCallbackId(), rounds.subList(Math.max(0, rounds.size() - MAX_ROUNDS_SHOWN), rounds.size()),
                rounds.size());
        // Numbers typed into the work summary or the notes are masked wherever the phone field is.
        return ContactDisclosure.showsFullNumbers(user, c.getDepartment()) ? view : FreeTextPhones.inRecord(view);
    }
}

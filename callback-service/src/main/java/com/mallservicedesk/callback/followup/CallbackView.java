package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Instant;
import java.util.List;

/**
 * A callback as the desk sees it: whom to call ({@code contacts}, or the {@code tenant} of a daily callback), when,
 * what was tried, what the customer said, and the chain of rounds of the same work order ({@code rounds}, this one
 * last). {@code kind} is the callback's kind, {@code requestKind} the request's.
 */
record CallbackView(String id, String mallId, CallbackKind kind, String requestKind, String requestId,
                    String requestNumber, String workOrderId, String department, int round,
                    List<CompletedWorkOrder.Contact> contacts, ProactiveTarget tenant, String sampleDate,
                    Instant workCompletedAt, String workSummary, Instant callableFrom, Instant dueAt, String month,
                    CallbackStatus status, ExemptReason exemptReason, List<Attempt> attempts, int unreachableDays,
                    int maxUnreachableAttempts, CallbackResult result, Boolean satisfied, List<String> dissatisfiedWith,
                    String calledBy, Instant completedAt, Boolean onTime, Instant overdueAt, boolean escalated,
                    String previousCallbackId, String nextCallbackId, List<Round> rounds) {

    static CallbackView of(Callback c, PlatformUser user) {
        boolean callsCustomers = user.has(Role.FRONT_DESK) || user.has(Role.SUPERVISOR);
        List<CompletedWorkOrder.Contact> contacts = c.getContacts() == null ? List.of() : callsCustomers ? c.getContacts()
                : c.getContacts().stream().map(k -> new CompletedWorkOrder.Contact(k.name(), mask(k.phone()))).toList();
        return new CallbackView(c.getId(), c.getMallId(), c.getCallbackKind(), c.getKind(), c.getRequestId(),
                c.getRequestNumber(), c.getWorkOrderId(), c.getDepartment(), c.getRound(), contacts, c.getTenant(),
                c.getSampleDate(), c.getWorkCompletedAt(), c.getWorkSummary(), c.getCallableFrom(), c.getDueAt(),
                c.getMonth(), c.getStatus(), c.getExemptReason(), c.getAttempts(), c.unreachableDays(),
                c.getMaxUnreachableAttempts(), c.getResult(), c.getSatisfied(), c.getDissatisfiedWith(), c.getCalledBy(),
                c.getCompletedAt(), c.getOnTime(), c.getOverdueAt(), c.isEscalated(), c.getPreviousCallbackId(),
                c.getNextCallbackId(), c.rounds());
    }

    /** Only those who call customers see their numbers in full (seed 001 篇3 §8); others see {@code 138****0000}. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}

package com.mallservicedesk.callback.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Callback's own trimmed copy of {@code mall.dispatch.work-order.completed.v1}.
 *
 * @param round the work order's round: 1, then one more after each unsatisfied callback reopened it
 */
record CompletedWorkOrder(String workOrderId, String requestId, String requestNumber, String kind, String department,
                          String summary, Instant completedAt, Contact customer, List<Contact> reporters, Integer round) {

    record Contact(String name, String phone) {
    }

    /**
     * Everyone to call back: the customer and the reporters of duplicates merged into this request, each
     * once (the same person may have reported twice).
     */
    List<Contact> contacts() {
        List<Contact> all = new ArrayList<>();
        if (customer != null) {
            all.add(customer);
        }
        if (reporters != null) {
            reporters.stream().filter(Objects::nonNull)
                    .filter(reporter -> all.stream().noneMatch(known -> samePerson(known, reporter)))
                    .forEach(all::add);
        }
        return all;
    }

    int roundOrFirst() {
        return round == null || round < 1 ? 1 : round;
    }

    private static boolean samePerson(Contact a, Contact b) {
        return a.phone() != null ? a.phone().equals(b.phone()) : Objects.equals(a.name(), b.name()) && b.phone() == null;
    }
}

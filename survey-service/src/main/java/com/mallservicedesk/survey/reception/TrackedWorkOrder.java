package com.mallservicedesk.survey.reception;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What survey keeps of one work order, by its id: enough to move the figures by the difference each event makes
 * (open or not, overdue or not, in which department), the period it was created in, and the work time it counted
 * last so a later completion after a reopening replaces it instead of counting twice. It also remembers the time of
 * the latest event that set its state and the one-off facts it counted (escalations, reopenings), so an event
 * delivered again or late neither counts twice nor rewinds the order.
 */
@Document("tracked_work_orders")
class TrackedWorkOrder {

    static final Set<String> OPEN_STATUSES = Set.of("UNASSIGNED", "ASSIGNED", "ACCEPTED", "DELAYED");
    static final Set<String> COMPLAINT_RULES = Set.of("COMPLAINT_TO_SUPERVISOR", "COMPLAINT_INVESTIGATION");

    @Id
    String id;
    String mallId;
    String requestId;
    String kind;
    String department;
    String status;
    boolean overdue;
    String month;
    String day;
    String zone;
    List<String> breaches = new ArrayList<>();
    boolean complaintRuleBreached;
    boolean complaintCounted;
    String workMonth;
    String workDay;
    String workDepartment;
    long workMinutes;
    boolean workCounted;
    /** The round and completion time of the work time counted. */
    Integer workRound;
    Instant workCompletedAt;
    /** The time of the latest event applied to status, department and overdue. */
    Instant lastChangeAt;
    /** Escalations and reopenings counted, by what identifies each (a handful per order). */
    List<String> counted = new ArrayList<>();
    @Version
    Long version;

    boolean open() {
        return status != null && OPEN_STATUSES.contains(status);
    }

    /** What the open-items figures depend on. */
    record Standing(boolean open, boolean overdue, String department) {
    }

    Standing standing() {
        return new Standing(open(), open() && overdue, department);
    }
}

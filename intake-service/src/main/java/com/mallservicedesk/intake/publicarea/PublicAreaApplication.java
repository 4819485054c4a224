package com.mallservicedesk.intake.publicarea;

import com.mallservicedesk.intake.publicarea.ApplicationBodies.DepartmentOpinion;
import com.mallservicedesk.intake.publicarea.PublicAreaEvents.StatusChanged;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.store.Created;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

/**
 * A public-area usage application (公共區域使用管理規程, seed 000 last section). Every step goes through {@link #step}:
 * the one place that checks the current status against the step's allowed ones (409 otherwise), moves it, and
 * says so in a {@code status-changed} event.
 */
@Document("public_area_applications")
@CompoundIndexes({
        @CompoundIndex(name = "mall_submitted", def = "{'mallId': 1, 'submittedAt': -1, '_id': 1}"),
        @CompoundIndex(name = "mall_status", def = "{'mallId': 1, 'status': 1, 'submittedAt': -1}")
})
public class PublicAreaApplication implements OutboxCarrier {

    /** A use longer than a year is a lease, not a public-area application. */
    static final Duration MAX_PERIOD = Duration.ofDays(366);
    static final int MAX_INSPECTIONS = 50;

    @Id
    private String id;
    private String mallId;
    private Applicant applicant;
    private Area area;
    private String purpose;
    private Instant from;
    private Instant to;
    private String planReference;
    private ApplicationStatus status;
    private String submittedBy;
    private Instant submittedAt;
    private List<Opinion> opinions = new ArrayList<>();
    private Instant reviewedAt;
    private Decision decision;
    private WorkSchedule schedule;
    private List<Inspection> inspections = new ArrayList<>();
    private List<CompletionInspection> completionInspections = new ArrayList<>();
    private Instant closedAt;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;

    PublicAreaApplication() {
    }

    static Created<PublicAreaApplication> submit(String id, String mallId, ApplicationBodies.Submit body, String by,
                                                 Instant now) {
        var invalid = new FieldErrors();
        if (!body.to().isAfter(body.from())) {
            invalid.add("to", "not-after-from");
        } else if (Duration.between(body.from(), body.to()).compareTo(MAX_PERIOD) > 0) {
            invalid.add("to", "too-far", Map.of("maxDays", MAX_PERIOD.toDays()));
        }
        invalid.throwIfAny();
        PublicAreaApplication a = new PublicAreaApplication();
        a.id = id;
        a.mallId = mallId;
        a.applicant = body.applicant();
        a.area = body.area();
        a.purpose = body.purpose();
        a.from = body.from();
        a.to = body.to();
        a.planReference = body.planReference();
        a.status = ApplicationStatus.SUBMITTED;
        a.submittedBy = by;
        a.submittedAt = now;
        return Created.of(a, new PublicAreaEvents.Submitted(id, a.applicant.name(), a.applicant.kind(), a.area,
                a.purpose, a.from, a.to, a.planReference, by, now));
    }

    /** §4.1.1, §3.2: customer service's written opinion and the neighbouring departments' (會審). */
    List<DomainEvent> review(ApplicationBodies.Review body, String by, String ownDepartment, Instant now) {
        var events = step("REVIEW", EnumSet.of(ApplicationStatus.SUBMITTED), ApplicationStatus.REVIEWED, body.opinion(),
                false, by, now);
        opinions.add(new Opinion(ownDepartment, body.opinion(), by, now));
        if (body.departmentOpinions() != null) {
            for (DepartmentOpinion o : body.departmentOpinions()) {
                opinions.add(new Opinion(o.department(), o.opinion(), by, now));
            }
        }
        reviewedAt = now;
        return events;
    }

    /** §3.2: only with the general manager's written consent; a refusal ends the application. */
    List<DomainEvent> decide(boolean approved, String note, String by, Instant now) {
        var events = step(approved ? "APPROVE" : "REJECT", EnumSet.of(ApplicationStatus.REVIEWED),
                approved ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED, note, false, by, now);
        decision = new Decision(approved, note, by, now);
        if (!approved) {
            closedAt = now;
        }
        return events;
    }

    /** §4.2.1: the contractor's schedule is on file and the entry formalities are done. */
    List<DomainEvent> schedule(String contractor, String scheduleReference, String by, Instant now) {
        var events = step("SCHEDULE", EnumSet.of(ApplicationStatus.APPROVED), ApplicationStatus.SCHEDULED,
                scheduleReference, false, by, now);
        schedule = new WorkSchedule(contractor, scheduleReference, by, now);
        return events;
    }

    /** §4.3: the first patrol inspection finds the area in use; violations are stopped with a rectification demand. */
    List<DomainEvent> inspect(ApplicationBodies.Inspect body, String by, Instant now) {
        if (body.violation() && (body.rectification() == null || body.rectification().isBlank())) {
            new FieldErrors().add("rectification", "required-for-violation").throwIfAny();
        }
        if (inspections.size() >= MAX_INSPECTIONS) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "public-area-too-many-inspections", id,
                    MAX_INSPECTIONS);
        }
        var events = step("INSPECT", EnumSet.of(ApplicationStatus.SCHEDULED, ApplicationStatus.IN_USE),
                ApplicationStatus.IN_USE, body.violation() ? body.rectification() : body.note(), body.violation(), by, now);
        inspections.add(new Inspection(inspections.size() + 1, now, by, body.department(), body.note(), body.violation(),
                body.violation() ? body.rectification() : null));
        return events;
    }

    /**
     * §4.4: conforming work is inspected and can be closed; non-conformities need a written rectification demand
     * (§4.4.2) and a further completion inspection once rectified.
     */
    List<DomainEvent> inspectCompletion(ApplicationBodies.InspectCompletion body, String by, Instant now) {
        boolean conforming = Boolean.TRUE.equals(body.conforming());
        if (!conforming) {
            var invalid = new FieldErrors();
            if (body.nonConformities() == null || body.nonConformities().isBlank()) {
                invalid.add("nonConformities", "required-when-not-conforming");
            }
            if (body.writtenNote() == null || body.writtenNote().isBlank()) {
                invalid.add("writtenNote", "required-when-not-conforming");
            }
            invalid.throwIfAny();
        }
        if (completionInspections.size() >= MAX_INSPECTIONS) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "public-area-too-many-inspections", id,
                    MAX_INSPECTIONS);
        }
        var events = step("INSPECT_COMPLETION",
                EnumSet.of(ApplicationStatus.IN_USE, ApplicationStatus.RECTIFICATION_REQUIRED),
                conforming ? ApplicationStatus.COMPLETION_INSPECTED : ApplicationStatus.RECTIFICATION_REQUIRED,
                conforming ? null : body.writtenNote(), !conforming, by, now);
        completionInspections.add(new CompletionInspection(now, by, conforming,
                conforming ? null : body.nonConformities(), conforming ? null : body.writtenNote()));
        return events;
    }

    List<DomainEvent> close(String by, Instant now) {
        var events = step("CLOSE", EnumSet.of(ApplicationStatus.COMPLETION_INSPECTED), ApplicationStatus.CLOSED, null,
                false, by, now);
        closedAt = now;
        return events;
    }

    /** The one way the status moves: from one of {@code allowed} to {@code next}, or a 409 problem. */
    private List<DomainEvent> step(String step, Set<ApplicationStatus> allowed, ApplicationStatus next, String note,
                                   boolean violation, String by, Instant now) {
        if (!allowed.contains(status)) {
            throw ApiException.conflict("public-area-illegal-transition", id, status, step);
        }
        ApplicationStatus before = status;
        status = next;
        return List.of(new StatusChanged(id, step, before, next, note, violation, by, now));
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public Applicant getApplicant() { return applicant; }
    public Area getArea() { return area; }
    public String getPurpose() { return purpose; }
    public Instant getFrom() { return from; }
    public Instant getTo() { return to; }
    public String getPlanReference() { return planReference; }
    public ApplicationStatus getStatus() { return status; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public List<Opinion> getOpinions() { return opinions; }
    public Instant getReviewedAt() { return reviewedAt; }
    public Decision getDecision() { return decision; }
    public WorkSchedule getSchedule() { return schedule; }
    public List<Inspection> getInspections() { return inspections; }
    public List<CompletionInspection> getCompletionInspections() { return completionInspections; }
    public Instant getClosedAt() { return closedAt; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}

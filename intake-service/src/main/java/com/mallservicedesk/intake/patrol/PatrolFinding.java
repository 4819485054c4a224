package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

/**
 * A problem the supervisor's inspection round found (巡檢發現, seed 002 一.3 服務品質巡檢): where, what, who must rectify
 * it and by when (一.3(4): 明確責任人和完成時間, 有檢查結果及記錄; 一.4(1): 通知責任部門限期整改). It stays open until
 * rectified; a durable timer marks it overdue at the deadline.
 */
@Document("patrol_findings")
@CompoundIndexes({
        @CompoundIndex(name = "mall_open_deadline", def = "{'mallId': 1, 'rectified': 1, 'deadline': 1, '_id': 1}"),
        @CompoundIndex(name = "mall_status", def = "{'mallId': 1, 'status': 1, 'deadline': 1}")
})
public class PatrolFinding implements OutboxCarrier {

    static final String DEPARTMENT_CODE = "[A-Z][A-Z0-9_]{1,39}";
    /** A deadline further out is not a patrol finding but a project: bounded so timers and lists stay meaningful. */
    static final Duration MAX_DEADLINE = Duration.ofDays(90);
    /** Progress notes kept in the finding's document. */
    static final int MAX_NOTES = 50;
    static final String DEADLINE_TIMER = "intake.patrol-finding-deadline";

    @Id
    private String id;
    private String mallId;
    private Place place;
    private String description;
    private Responsible responsible;
    private Instant deadline;
    private FindingStatus status;
    /** Sorted on: open findings (false) first. */
    private boolean rectified;
    private boolean overdue;
    private String recordedBy;
    private Instant recordedAt;
    private List<ProgressNote> progress = new ArrayList<>();
    private String rectificationNote;
    private String rectifiedBy;
    private Instant rectifiedAt;
    private Instant overdueAt;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    PatrolFinding() {
    }

    /** @throws ApiException 400 if the deadline is not ahead of {@code now} or more than 90 days ahead */
    static Created<PatrolFinding> record(String id, String mallId, RecordFinding body, String by, Instant now) {
        if (!body.deadline().isAfter(now)) {
            new FieldErrors().add("deadline", "not-in-future").throwIfAny();
        }
        if (body.deadline().isAfter(now.plus(MAX_DEADLINE))) {
            new FieldErrors().add("deadline", "too-far", Map.of("maxDays", MAX_DEADLINE.toDays())).throwIfAny();
        }
        PatrolFinding f = new PatrolFinding();
        f.id = id;
        f.mallId = mallId;
        f.place = body.place();
        f.description = body.description();
        f.responsible = body.responsible();
        f.deadline = body.deadline();
        f.status = FindingStatus.OPEN;
        f.recordedBy = by;
        f.recordedAt = now;
        f.timerOutbox.add(PendingTimer.schedule(deadlineTimerId(id), DEADLINE_TIMER, id, f.deadline,
                Map.of("department", f.responsible.department())));
        return Created.of(f, new PatrolFindingEvents.Recorded(id, f.place, f.description, f.responsible.name(),
                f.responsible.department(), f.deadline, by, now));
    }

    static String deadlineTimerId(String findingId) {
        return "patrol-deadline:" + findingId;
    }

    /** The responsible department (or the supervisor) reports a step; no event, it is in the finding's record. */
    List<DomainEvent> noteProgress(String note, String by, String department, Instant now) {
        requireOpen("progress");
        if (progress.size() >= MAX_NOTES) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "patrol-finding-too-many-notes", id, MAX_NOTES);
        }
        progress.add(new ProgressNote(now, by, department, note));
        return List.of();
    }

    /** The problem is fixed: the finding closes with what was done (有檢查結果及記錄), late or not. */
    List<DomainEvent> rectify(String note, String by, Instant now) {
        requireOpen("rectify");
        boolean late = overdue || now.isAfter(deadline);
        status = FindingStatus.RECTIFIED;
        rectified = true;
        rectificationNote = note;
        rectifiedBy = by;
        rectifiedAt = now;
        timerOutbox.add(PendingTimer.cancel(deadlineTimerId(id)));
        return List.of(new PatrolFindingEvents.Rectified(id, responsible.department(), note, by, now, deadline, late));
    }

    /** The deadline passed with the finding still open; recorded once however often the timer fires. */
    List<DomainEvent> markOverdue(Instant now) {
        if (status != FindingStatus.OPEN) {
            return List.of();
        }
        status = FindingStatus.OVERDUE;
        overdue = true;
        overdueAt = now;
        return List.of(new PatrolFindingEvents.Overdue(id, responsible.name(), responsible.department(), deadline, now));
    }

    private void requireOpen(String action) {
        if (rectified) {
            throw ApiException.conflict("patrol-finding-illegal-transition", id, status, action);
        }
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public Place getPlace() { return place; }
    public String getDescription() { return description; }
    public Responsible getResponsible() { return responsible; }
    public Instant getDeadline() { return deadline; }
    public FindingStatus getStatus() { return status; }
    public boolean isRectified() { return rectified; }
    public boolean isOverdue() { return overdue; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public List<ProgressNote> getProgress() { return progress; }
    public String getRectificationNote() { return rectificationNote; }
    public String getRectifiedBy() { return rectifiedBy; }
    public Instant getRectifiedAt() { return rectifiedAt; }
    public Instant getOverdueAt() { return overdueAt; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }

    @Override
    public List<PendingTimer> getTimerOutbox() {
        return timerOutbox;
    }
}

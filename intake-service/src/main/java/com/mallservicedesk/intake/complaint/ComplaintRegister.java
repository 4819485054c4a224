package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.intake.complaint.ComplaintEvents.ClockMissed;
import com.mallservicedesk.intake.complaint.ComplaintEvents.Concluded;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.store.WorkingSetKey;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The complaint register (投訴處理登記表, seed 000 §4.3 and its work records) of one COMPLAINT request, keyed by the
 * request id. Its steps follow seed 003 §2: hand-over to the CS supervisor, the department's investigation, the
 * supervisor's review, feedback to the customer; then the conclusion is reported to the supervisor and filed (seed 000
 * §4.3.6). Three clocks run in the mall's desk hours ({@link ComplaintClock}); each is a durable timer stored in the
 * same write as the step that starts or stops it, and a clock that passes is recorded here once.
 */
@Document("complaint_registers")
@CompoundIndex(name = ComplaintRegister.OPEN_KEY, def = "{'" + ComplaintRegister.OPEN_KEY + "': 1}", unique = true,
        sparse = true)
public class ComplaintRegister implements OutboxCarrier {

    /**
     * The field holding an open register's place in its mall's set of open registers ({@link WorkingSetKey}, by the
     * complaint's receipt), which the supervisor's list reads; absent once concluded or withdrawn.
     */
    static final String OPEN_KEY = "openKey";

    static final String TIMER_KIND = "intake.complaint-clock";
    /** The investigation recorded from dispatch's completed work order. */
    static final String BY_DISPATCH = "dispatch";

    @Id
    private String id;
    private String mallId;
    private String number;
    private Instant receivedAt;
    private Instant openedAt;
    private boolean open;
    private ComplaintStage stage;
    private ComplaintStep handover;
    private ComplaintStep investigation;
    private ComplaintStep review;
    private ComplaintStep feedback;
    private ComplaintStep conclusion;
    private String withdrawnBecause;
    /** By clock name; running, done or missed. */
    private Map<String, ClockState> clocks = new LinkedHashMap<>();
    private String openKey;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    ComplaintRegister() {
    }

    /** The limits a register's clocks count, from the mall's settings at the time each clock starts. */
    record Limits(WorkingCalendar deskHours, Duration handoverLimit, int investigationDays, int feedbackDays) {
    }

    /**
     * Opens the register of a registered complaint: the hand-over clock (desk time from receipt) and the feedback
     * clock (working days from receipt) start at once.
     */
    static Created<ComplaintRegister> open(String requestId, String mallId, String number, Instant receivedAt,
                                           Limits limits, Instant now) {
        var r = new ComplaintRegister();
        r.id = requestId;
        r.mallId = mallId;
        r.number = number;
        r.receivedAt = receivedAt == null ? now : receivedAt;
        r.openedAt = now;
        r.open = true;
        r.start(ComplaintClock.HANDOVER, limits.deskHours().addWorkingTime(r.receivedAt, limits.handoverLimit()));
        r.start(ComplaintClock.FEEDBACK, limits.deskHours().addWorkingDays(r.receivedAt, limits.feedbackDays()));
        r.stage = r.derivedStage();
        return new Created<>(r, List.of());
    }

    /** The front desk passed the complaint to the CS supervisor (seed 003 §2); the investigation clock starts. */
    List<DomainEvent> handOver(String by, String note, Limits limits, Instant now) {
        requireOpen();
        requireNotDone("handover", handover);
        handover = ComplaintStep.of(now, by, note);
        stop(ComplaintClock.HANDOVER, now);
        if (investigation == null) {
            start(ComplaintClock.INVESTIGATION, limits.deskHours().addWorkingDays(now, limits.investigationDays()));
        }
        return changed();
    }

    /** The department's findings, recorded by hand (supervisor) after the department reported them. */
    List<DomainEvent> recordInvestigation(String by, String findings, String department, Instant now) {
        requireOpen();
        requireNotDone("investigation", investigation);
        return investigated(new ComplaintStep(now, by, findings, department, null));
    }

    /**
     * The department returned the work order as done (返單): its summary is the investigation's result. Once only,
     * and never over one recorded by hand; a redelivered or late event changes nothing.
     */
    List<DomainEvent> investigationFromWorkOrder(String department, String summary, Instant completedAt) {
        if (!open || investigation != null) {
            return List.of();
        }
        return investigated(new ComplaintStep(completedAt, BY_DISPATCH, summary, department, null));
    }

    private List<DomainEvent> investigated(ComplaintStep step) {
        investigation = step;
        if (clocks.containsKey(ComplaintClock.INVESTIGATION.name())) {
            stop(ComplaintClock.INVESTIGATION, step.at());
        }
        return changed();
    }

    /** The CS supervisor reviewed the department's result; only then is the customer answered (seed 003 §2). */
    List<DomainEvent> review(String by, String note, Instant now) {
        requireOpen();
        requireNotDone("review", review);
        requireDone("review", "handover", handover);
        requireDone("review", "investigation", investigation);
        review = ComplaintStep.of(now, by, note);
        return changed();
    }

    /** The front desk gave the customer the reviewed answer (seed 003 §2, seed 004 品質監控, seed 000 §4.3.4). */
    List<DomainEvent> recordFeedback(String by, String note, Boolean satisfied, Instant now) {
        requireOpen();
        requireNotDone("feedback", feedback);
        requireDone("feedback", "review", review);
        feedback = new ComplaintStep(now, by, note, null, satisfied);
        stop(ComplaintClock.FEEDBACK, now);
        return changed();
    }

    /**
     * The conclusion and the measures taken, reported to the supervisor and filed (seed 000 §4.3.6): the register
     * closes and survey counts it for the complaint handling timeliness rate (seed 003 §監控指標).
     */
    List<DomainEvent> conclude(String by, String text, Instant now) {
        requireOpen();
        requireDone("conclusion", "feedback", feedback);
        conclusion = ComplaintStep.of(now, by, text);
        open = false;
        stage = derivedStage();
        return List.of(new Concluded(id, number, receivedAt, handover.at(), review.at(), feedback.at(), now, onTime(),
                text));
    }

    /** The request was cancelled or merged: the clocks stop, nothing is published for the KPIs. */
    List<DomainEvent> withdraw(String because, Instant now) {
        if (!open) {
            return List.of();
        }
        clocks.forEach((name, clock) -> {
            if (clock.running()) {
                timerOutbox.add(PendingTimer.cancel(timerId(id, ComplaintClock.valueOf(name))));
            }
        });
        open = false;
        withdrawnBecause = because;
        stage = derivedStage();
        return List.of();
    }

    /** The timer of a clock fired: recorded once if its step is still not done; else nothing. */
    List<DomainEvent> markMissed(ComplaintClock clock, Instant now) {
        ClockState state = clocks.get(clock.name());
        if (!open || state == null || !state.running() || state.missedAt() != null) {
            return List.of();
        }
        clocks.put(clock.name(), state.missed(now));
        return List.of(new ClockMissed(id, number, clock, state.dueAt(), now));
    }

    /** Every clock done in time and none missed. */
    boolean onTime() {
        return clocks.values().stream().allMatch(ClockState::met);
    }

    private void start(ComplaintClock clock, Instant dueAt) {
        clocks.put(clock.name(), ClockState.due(dueAt));
        timerOutbox.add(PendingTimer.schedule(timerId(id, clock), TIMER_KIND, id, dueAt, Map.of("clock", clock.name())));
    }

    private void stop(ComplaintClock clock, Instant at) {
        ClockState state = clocks.get(clock.name());
        if (state != null && state.running()) {
            clocks.put(clock.name(), state.done(at));
            timerOutbox.add(PendingTimer.cancel(timerId(id, clock)));
        }
    }

    static String timerId(String requestId, ComplaintClock clock) {
        return "complaint-clock:" + requestId + ":" + clock.name();
    }

    private List<DomainEvent> changed() {
        stage = derivedStage();
        return List.of();
    }

    private ComplaintStage derivedStage() {
        if (withdrawnBecause != null) {
            return ComplaintStage.WITHDRAWN;
        }
        if (conclusion != null) {
            return ComplaintStage.CONCLUDED;
        }
        if (handover == null) {
            return ComplaintStage.AWAITING_HANDOVER;
        }
        if (investigation == null) {
            return ComplaintStage.INVESTIGATING;
        }
        if (review == null) {
            return ComplaintStage.AWAITING_REVIEW;
        }
        return feedback == null ? ComplaintStage.AWAITING_FEEDBACK : ComplaintStage.AWAITING_CONCLUSION;
    }

    private void requireOpen() {
        if (!open) {
            throw ApiException.conflict("complaint-closed", number, stage);
        }
    }

    private void requireNotDone(String step, ComplaintStep recorded) {
        if (recorded != null) {
            throw ApiException.conflict("complaint-step-recorded", number, step);
        }
    }

    private void requireDone(String step, String before, ComplaintStep recorded) {
        if (recorded == null) {
            throw ApiException.conflict("complaint-step-out-of-order", number, step, before);
        }
    }

    @Override
    public String getId() { return id; }
    @Override
    public String getMallId() { return mallId; }
    /** The complaint's request: the events' record key, so they stay in order with the request's own. */
    @Override
    public String correlationId() { return id; }
    public String getNumber() { return number; }
    /** Its place in the mall's set of open registers; null once closed. The one derivation of {@link #OPEN_KEY}. */
    String placeInOpenSet() {
        return open ? WorkingSetKey.of(mallId, receivedAt, id) : null;
    }

    /** Keeps {@link #OPEN_KEY} as the state says: the store's step before every save ({@link ComplaintRegisters}). */
    ComplaintRegister keepPlaceInOpenSet() {
        openKey = placeInOpenSet();
        return this;
    }

    String openKey() {
        return openKey;
    }

    public Instant getReceivedAt() { return receivedAt; }
    public Instant getOpenedAt() { return openedAt; }
    public boolean isOpen() { return open; }
    public ComplaintStage getStage() { return stage; }
    public ComplaintStep getHandover() { return handover; }
    public ComplaintStep getInvestigation() { return investigation; }
    public ComplaintStep getReview() { return review; }
    public ComplaintStep getFeedback() { return feedback; }
    public ComplaintStep getConclusion() { return conclusion; }
    public String getWithdrawnBecause() { return withdrawnBecause; }
    public Map<String, ClockState> getClocks() { return clocks; }

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

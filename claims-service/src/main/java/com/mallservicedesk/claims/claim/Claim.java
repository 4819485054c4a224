package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ChecklistItem;
import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.CounterMove;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.store.StateCounted;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

/**
 * The independent claim file kept for each incident (獨立的索賠檔案, seed 000 §第三條 6.1), from the incident to the
 * archive. Each method checks that the change is allowed now (409 otherwise), changes the state, notes it on the
 * timeline and returns the events it caused; deadlines of checklist items and the insurer report's retries are durable
 * timers stored with the change (timerOutbox).
 */
@Document("claims")
@CompoundIndexes({
        @CompoundIndex(name = "mall_opened", def = "{'mallId': 1, 'openedAt': -1}"),
        @CompoundIndex(name = "mall_occurred", def = "{'mallId': 1, 'occurredAt': -1}")
})
public class Claim implements StateCounted {

    static final String STEP_TIMER = "claims-step-overdue";
    static final String INSURER_TIMER = "claims-insurer-report";

    /*
     * How much one claim file holds: enough for any incident, and a bound on the file, its view and its incident report.
     * A list that is full refuses more (422) instead of growing without end.
     */
    static final int MAX_EVIDENCE = 100;
    static final int MAX_WITNESSES = 20;
    static final int MAX_COSTS = 100;
    static final int MAX_ADVANCES = 20;
    static final int MAX_LINKED_REQUESTS = 50;

    public enum Source { INTAKE, DIRECT }

    @Id
    private String id;
    private String mallId;
    private String requestId;
    private String requestNumber;
    private Source source;
    private String description;
    private Location location;
    private String placeDescription;
    private Instant occurredAt;
    /** When the incident was reported (the request's time, or the direct registration). */
    private Instant reportedAt;
    private Instant openedAt;
    private IncidentCategory category;
    private Boolean warningSignUp;
    private List<People.Party> parties = new ArrayList<>();
    private List<People.Injured> injured = new ArrayList<>();
    private List<People.ThirdParty> thirdParties = new ArrayList<>();
    private List<People.DamagedBelonging> damagedBelongings = new ArrayList<>();
    private String damage;
    private BigDecimal estimatedLossCny;
    private String cause;
    private String correctiveActions;
    private String handlerId;
    private String handlerName;
    private ClaimStatus status;
    private ClaimStage stage;
    private Instant stageEnteredAt;
    private ClaimStage.Outcome outcome;
    private BigDecimal settledAmountCny;
    private Instant archivedAt;
    private List<CheckItem> checklist = new ArrayList<>();
    private InsurerDelivery insurerReport;
    private PhoneReport phoneReport;
    private Instant firstReportedToInsurerAt;
    private List<Advance> advances = new ArrayList<>();
    private List<EvidenceItem> evidence = new ArrayList<>();
    private List<Witness> witnesses = new ArrayList<>();
    private List<Cost> costs = new ArrayList<>();
    private List<LinkedRequest> linkedRequests = new ArrayList<>();
    private List<Step> timeline = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();
    private Map<String, Object> countedAs;
    private List<CounterMove> countOutbox = new ArrayList<>();

    Claim() {
    }

    // ------------------------------------------------------------------ opening

    static String idFor(String requestId) {
        return "claim-" + requestId;
    }

    /** One claim per incident request: the id derives from the request, so redelivery cannot open a second. */
    static Created<Claim> open(String mallId, ReportedIncident incident, Instant now, DueTimes due) {
        Claim claim = new Claim();
        claim.id = idFor(incident.requestId());
        claim.mallId = mallId;
        claim.requestId = incident.requestId();
        claim.requestNumber = incident.number();
        claim.source = Source.INTAKE;
        claim.description = incident.description();
        claim.location = incident.location();
        claim.occurredAt = incident.receivedAt();
        claim.reportedAt = incident.receivedAt();
        claim.category = IncidentCategory.OTHER;
        if (incident.owner() != null) {
            // First-contact responsibility: whoever registered the incident handles its claim until someone reassigns it.
            claim.handlerId = incident.owner().id();
            claim.handlerName = incident.owner().name();
        }
        return claim.start(now, due, "opened from request " + incident.number());
    }

    /** An incident registered directly at claims, without a request at the front desk. */
    static Created<Claim> register(String mallId, String id, IncidentFacts facts, String byId, String byName, Instant now,
                                   DueTimes due) {
        Claim claim = new Claim();
        claim.id = id;
        claim.mallId = mallId;
        claim.source = Source.DIRECT;
        claim.reportedAt = now;
        claim.handlerId = byId;
        claim.handlerName = byName;
        claim.apply(facts);
        return claim.start(now, due, "registered directly by " + byId);
    }

    private Created<Claim> start(Instant now, DueTimes due, String detail) {
        openedAt = now;
        status = ClaimStatus.OPEN;
        for (ChecklistItem item : ChecklistItem.values()) {
            checklist.add(CheckItem.open(item));
        }
        enter(ClaimStage.IMMEDIATE_ACTION, now, due);
        step(now, "OPENED", handlerId, detail);
        return Created.of(this, new ClaimOpened(id, correlationId(), requestNumber, occurredAt, location, source.name(),
                category));
    }

    // ------------------------------------------------------------------ facts, people, handler

    /**
     * Replaces the recorded facts. A masked ID number or phone number sent back unchanged (what a reader who may not
     * see it in full was shown) keeps the stored one.
     */
    List<DomainEvent> updateFacts(IncidentFacts facts, String by, Instant now) {
        requireOpen();
        List<People.Injured> before = getInjured();
        List<People.Party> partiesBefore = getParties();
        List<People.ThirdParty> thirdPartiesBefore = getThirdParties();
        apply(facts);
        injured = new ArrayList<>(injured.stream().map(person -> keepStoredId(person, before))
                .map(person -> person.withContact(storedContact(person.name(), person.contact(), before,
                        People.Injured::name, People.Injured::contact)))
                .toList());
        parties = new ArrayList<>(parties.stream().map(party -> party.withContact(storedContact(party.name(),
                party.contact(), partiesBefore, People.Party::name, People.Party::contact))).toList());
        thirdParties = new ArrayList<>(thirdParties.stream().map(third -> third.withContact(storedContact(third.name(),
                third.contact(), thirdPartiesBefore, People.ThirdParty::name, People.ThirdParty::contact))).toList());
        step(now, "FACTS_UPDATED", by, null);
        return List.of();
    }

    private void apply(IncidentFacts facts) {
        occurredAt = facts.occurredAt();
        location = facts.location();
        placeDescription = facts.placeDescription();
        category = facts.category();
        warningSignUp = facts.category() == IncidentCategory.SLIP ? facts.warningSignUp() : null;
        description = facts.account();
        parties = new ArrayList<>(facts.parties());
        injured = new ArrayList<>(facts.injured());
        thirdParties = new ArrayList<>(facts.thirdParties());
        damagedBelongings = new ArrayList<>(facts.damagedBelongings());
        damage = facts.damage();
        estimatedLossCny = facts.estimatedLossCny();
        cause = facts.cause();
        correctiveActions = facts.correctiveActions();
    }

    /** The contact to keep for a person sent back: the stored one of the same name if what was sent is its mask. */
    private static <P> String storedContact(String name, String sent, List<P> stored, Function<P, String> nameOf,
                                            Function<P, String> contactOf) {
        return Contacts.keepStored(sent, stored.stream().filter(s -> Objects.equals(nameOf.apply(s), name))
                .map(contactOf).toList());
    }

    private static People.Injured keepStoredId(People.Injured person, List<People.Injured> stored) {
        if (person.idNumber() == null || !person.idNumber().contains("*")) {
            return person;
        }
        return stored.stream()
                .filter(s -> s.name().equals(person.name()) && s.idNumber() != null
                        && IdNumbers.mask(s.idNumber()).equals(person.idNumber()))
                .findFirst()
                .map(s -> person.withIdNumber(s.idNumber()))
                .orElseGet(() -> person.withIdNumber(null));
    }

    List<DomainEvent> assignHandler(String newHandlerId, String newHandlerName, String by, Instant now) {
        requireOpen();
        handlerId = newHandlerId;
        handlerName = newHandlerName;
        step(now, "HANDLER_ASSIGNED", by, newHandlerName + " (" + newHandlerId + ")");
        return List.of();
    }

    // ------------------------------------------------------------------ stages and checklist

    /** Marks a checklist item done or not applicable; items of later stages cannot be checked yet. */
    List<DomainEvent> check(ChecklistItem item, CheckItem.Status to, Instant doneAt, String note, String by, Instant now) {
        requireOpen();
        if (to == CheckItem.Status.OPEN) {
            throw ApiException.badRequest("checklist-status-invalid", item);
        }
        if (item.stage().ordinal() > getStage().ordinal()) {
            throw ApiException.conflict("claim-checklist-item-not-yet", id, item, item.stage(), getStage());
        }
        CheckItem current = checkItem(item);
        if (current.status() == to) {
            return List.of();
        }
        replaceItem(item, c -> c.done(to, doneAt == null ? now : doneAt, by, note));
        timerOutbox.add(PendingTimer.cancel(stepTimerId(item)));
        step(now, to == CheckItem.Status.DONE ? "STEP_DONE" : "STEP_NOT_APPLICABLE", by,
                item.name() + (note == null ? "" : ": " + note));
        return List.of();
    }

    /** Something recorded on the claim shows the step was done, unless someone already recorded it. */
    private void checkedBy(ChecklistItem item, String by, Instant at, String note) {
        if (item.stage().ordinal() <= getStage().ordinal() && checkItem(item).isOpen()) {
            replaceItem(item, c -> c.done(CheckItem.Status.DONE, at, by, note));
            timerOutbox.add(PendingTimer.cancel(stepTimerId(item)));
        }
    }

    /**
     * Moves the claim to the next stage, or archives it. Leaving a stage forward needs its items done or not applicable;
     * closing without a claim is possible from any open stage, settling from handling on.
     */
    List<DomainEvent> moveTo(ClaimStage next, ClaimStage.Outcome withOutcome, BigDecimal settledAmount, String note,
                             String by, Instant now, DueTimes due) {
        ClaimStage from = getStage();
        if (next == ClaimStage.ARCHIVED && withOutcome == null && from != ClaimStage.ARCHIVED) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "claim-outcome-required", id);
        }
        if (!from.mayMoveTo(next, withOutcome)) {
            throw new ApiException(HttpStatus.CONFLICT, "claim-stage-move-not-allowed",
                    Map.of("allowed", from.next()), id, from, next);
        }
        if (withOutcome == ClaimStage.Outcome.SETTLED && settledAmount == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "claim-settled-amount-required", id);
        }
        if (withOutcome != ClaimStage.Outcome.CLOSED_WITHOUT_CLAIM) {
            List<String> open = checklist.stream()
                    .filter(c -> c.isOpen() && c.item().stage().ordinal() <= from.ordinal())
                    .map(c -> c.item().name()).toList();
            if (!open.isEmpty()) {
                throw new ApiException(HttpStatus.CONFLICT, "claim-checklist-incomplete", Map.of("openItems", open), id,
                        String.join(", ", open));
            }
        }
        List<DomainEvent> events = new ArrayList<>();
        if (next == ClaimStage.ARCHIVED) {
            archive(withOutcome, settledAmount, now);
        } else {
            enter(next, now, due);
        }
        step(now, "STAGE_CHANGED", by, from + " → " + next + (note == null ? "" : ": " + note));
        events.add(new ClaimEvents.StageChanged(id, correlationId(), from, next, now, by));
        if (next == ClaimStage.ARCHIVED) {
            events.add(new ClaimEvents.Archived(id, correlationId(), outcome, decimal(settledAmountCny), now));
        }
        return events;
    }

    private void enter(ClaimStage next, Instant now, DueTimes due) {
        stage = next;
        stageEnteredAt = now;
        for (ChecklistItem item : ChecklistItem.of(next)) {
            if (checkItem(item).isOpen()) {
                Instant dueAt = now.plus(due.of(item));
                replaceItem(item, c -> c.due(dueAt));
                timerOutbox.add(PendingTimer.schedule(stepTimerId(item), STEP_TIMER, id, dueAt,
                        Map.of("item", item.name())));
            }
        }
    }

    private void archive(ClaimStage.Outcome withOutcome, BigDecimal settledAmount, Instant now) {
        stage = ClaimStage.ARCHIVED;
        stageEnteredAt = now;
        status = ClaimStatus.ARCHIVED;
        outcome = withOutcome;
        settledAmountCny = withOutcome == ClaimStage.Outcome.SETTLED ? settledAmount : null;
        archivedAt = now;
        // Nothing is due any more; a report still on its way to the insurer stops.
        checklist.stream().filter(CheckItem::isOpen).forEach(c -> timerOutbox.add(PendingTimer.cancel(stepTimerId(c.item()))));
        if (insurerReport != null && insurerReport.state() != InsurerDelivery.State.DELIVERED
                && insurerReport.state() != InsurerDelivery.State.REJECTED) {
            timerOutbox.add(PendingTimer.cancel(insurerTimerId(insurerReport.round(), insurerReport.attempts())));
            timerOutbox.add(PendingTimer.cancel(insurerTimerId(insurerReport.round(), insurerReport.attempts() + 1)));
            insurerReport = delivery(InsurerDelivery.State.CANCELLED, insurerReport.attempts(), insurerReport.lastError(),
                    null, null, insurerReport.lastAttemptAt());
        }
    }

    /** A checklist item's deadline passed: recorded once, and only if the item is still open. */
    List<DomainEvent> stepOverdue(ChecklistItem item, Instant now) {
        if (stage == ClaimStage.ARCHIVED) {
            return List.of();
        }
        CheckItem current = checkItem(item);
        if (!current.isOpen() || current.overdue() || current.dueAt() == null) {
            return List.of();
        }
        replaceItem(item, c -> c.markOverdue(now));
        step(now, "STEP_OVERDUE", null, item.name() + " was due " + current.dueAt());
        return List.of(new ClaimEvents.StepOverdue(id, correlationId(), getStage(), item, current.dueAt(), now));
    }

    // ------------------------------------------------------------------ the report to the insurer

    /** Starts a round of reporting through the insurer's API; the first attempt follows at once. */
    List<DomainEvent> requestInsurerReport(String by, Instant now, Instant safetyNetAt) {
        requireOpen();
        if (insurerReport != null) {
            switch (insurerReport.state()) {
                case DELIVERED -> throw ApiException.conflict("insurer-report-already-delivered", id,
                        insurerReport.insurerReference());
                case SENDING -> {
                    if (insurerReport.sendingUntil() != null && insurerReport.sendingUntil().isAfter(now)) {
                        throw ApiException.conflict("insurer-report-in-progress", id);
                    }
                }
                default -> { }
            }
            timerOutbox.add(PendingTimer.cancel(insurerTimerId(insurerReport.round(), insurerReport.attempts())));
            timerOutbox.add(PendingTimer.cancel(insurerTimerId(insurerReport.round(), insurerReport.attempts() + 1)));
        }
        int round = insurerReport == null ? 1 : insurerReport.round() + 1;
        insurerReport = new InsurerDelivery(InsurerDelivery.State.PENDING, round, 0, now, by, null, null, safetyNetAt, null,
                null, null);
        // If this instance stops before the first attempt ends, the timer makes it after the attempt's lease.
        timerOutbox.add(PendingTimer.schedule(insurerTimerId(round, 1), INSURER_TIMER, id, safetyNetAt,
                Map.of("round", String.valueOf(round), "attempt", "1")));
        step(now, "INSURER_REPORT_REQUESTED", by, "round " + round);
        return List.of();
    }

    /**
     * Claims attempt {@code attempt} of {@code round} for the caller; false when it is not the attempt due (already
     * delivered, a later round, or another instance's attempt still under way).
     */
    boolean startInsurerAttempt(int round, int attempt, Instant now, Instant until) {
        InsurerDelivery r = insurerReport;
        if (r == null || r.round() != round || stage == ClaimStage.ARCHIVED) {
            return false;
        }
        boolean next = (r.state() == InsurerDelivery.State.PENDING || r.state() == InsurerDelivery.State.FAILED)
                && r.attempts() == attempt - 1;
        boolean interrupted = r.state() == InsurerDelivery.State.SENDING && r.attempts() == attempt
                && (r.sendingUntil() == null || !r.sendingUntil().isAfter(now));
        if (!next && !interrupted) {
            return false;
        }
        insurerReport = new InsurerDelivery(InsurerDelivery.State.SENDING, round, attempt, r.requestedAt(), r.requestedBy(),
                now, r.lastError(), null, until, null, null);
        return true;
    }

    List<DomainEvent> insurerDelivered(int round, int attempt, String reference, Instant now) {
        if (!attemptUnderWay(round, attempt)) {
            return List.of();
        }
        timerOutbox.add(PendingTimer.cancel(insurerTimerId(round, attempt)));
        insurerReport = new InsurerDelivery(InsurerDelivery.State.DELIVERED, round, attempt, insurerReport.requestedAt(),
                insurerReport.requestedBy(), now, null, null, null, reference, now);
        step(now, "REPORTED_TO_INSURER", insurerReport.requestedBy(), "API, reference " + reference);
        return reported(reference, now, ClaimEvents.Channel.API, insurerReport.requestedBy());
    }

    /** The attempt failed: a retryable failure schedules the next attempt, a refusal ends the round. */
    List<DomainEvent> insurerFailed(int round, int attempt, String reason, boolean retryable, Instant now, Instant nextAt) {
        if (!attemptUnderWay(round, attempt)) {
            return List.of();
        }
        timerOutbox.add(PendingTimer.cancel(insurerTimerId(round, attempt)));
        if (retryable) {
            timerOutbox.add(PendingTimer.schedule(insurerTimerId(round, attempt + 1), INSURER_TIMER, id, nextAt,
                    Map.of("round", String.valueOf(round), "attempt", String.valueOf(attempt + 1))));
        }
        insurerReport = delivery(retryable ? InsurerDelivery.State.FAILED : InsurerDelivery.State.REJECTED, attempt, reason,
                retryable ? nextAt : null, null, now);
        return List.of();
    }

    /** The report made by telephone to the insurer's line, recorded by hand with the call time. */
    List<DomainEvent> reportedByPhone(Instant calledAt, String phone, String reference, String note, String by,
                                      Instant now) {
        requireOpen();
        if (phoneReport != null) {
            throw ApiException.conflict("insurer-phone-report-recorded", id, phoneReport.calledAt());
        }
        phoneReport = new PhoneReport(calledAt, phone, reference, note, by, now);
        step(now, "REPORTED_TO_INSURER", by, "phone " + phone + " at " + calledAt
                + (reference == null ? "" : ", reference " + reference));
        return reported(reference, calledAt, ClaimEvents.Channel.PHONE, by);
    }

    private List<DomainEvent> reported(String reference, Instant at, ClaimEvents.Channel channel, String by) {
        if (firstReportedToInsurerAt == null || at.isBefore(firstReportedToInsurerAt)) {
            firstReportedToInsurerAt = at;
        }
        checkedBy(ChecklistItem.INSURER_NOTIFIED, by, at, channel.name());
        return List.of(new ClaimEvents.ReportedToInsurer(id, correlationId(), reference, at, channel));
    }

    private boolean attemptUnderWay(int round, int attempt) {
        return insurerReport != null && insurerReport.round() == round && insurerReport.attempts() == attempt
                && insurerReport.state() == InsurerDelivery.State.SENDING;
    }

    private InsurerDelivery delivery(InsurerDelivery.State state, int attempts, String error, Instant nextAt,
                                     Instant sendingUntil, Instant lastAttemptAt) {
        InsurerDelivery r = insurerReport;
        return new InsurerDelivery(state, r.round(), attempts, r.requestedAt(), r.requestedBy(), lastAttemptAt, error,
                nextAt, sendingUntil, r.insurerReference(), r.reportedAt());
    }

    private String insurerTimerId(int round, int attempt) {
        return "claim-insurer-report:" + id + ":" + round + ":" + attempt;
    }

    // ------------------------------------------------------------------ advances

    /**
     * Pays an advance if the claim's total stays within the cap; otherwise keeps it waiting for the property manager's
     * approval (seed 000 §第三條 4.2.3(7)). The same advance asked for again while it waits is not stored twice.
     */
    List<DomainEvent> requestAdvance(String advanceId, BigDecimal amount, String purpose, String paidTo, BigDecimal cap,
                                     String by, Instant now) {
        requireOpen();
        if (advances.stream().anyMatch(a -> a.status() == Advance.Status.AWAITING_APPROVAL && a.sameAs(amount, purpose, paidTo))) {
            return List.of();
        }
        requireRoom(advances, MAX_ADVANCES, "claim-advances-full");
        BigDecimal total = totalAdvanced().add(amount);
        boolean withinCap = total.compareTo(cap) <= 0;
        advances.add(new Advance(advanceId, amount, purpose, paidTo,
                withinCap ? Advance.Status.PAID : Advance.Status.AWAITING_APPROVAL, now, by, null, null, null));
        if (!withinCap) {
            step(now, "ADVANCE_AWAITING_APPROVAL", by, amount.toPlainString() + " CNY, cap " + cap.toPlainString());
            return List.of();
        }
        step(now, "ADVANCE_PAID", by, amount.toPlainString() + " CNY to " + paidTo + ": " + purpose);
        return List.of(new ClaimEvents.AdvancePaid(id, correlationId(), advanceId, amount.toPlainString(),
                total.toPlainString(), null));
    }

    List<DomainEvent> approveAdvance(String advanceId, String reason, String by, Instant now) {
        requireOpen();
        Advance advance = advances.stream().filter(a -> a.id().equals(advanceId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("advance", advanceId));
        if (advance.status() != Advance.Status.AWAITING_APPROVAL) {
            throw ApiException.conflict("advance-not-awaiting-approval", advanceId, advance.status());
        }
        advances.replaceAll(a -> a.id().equals(advanceId) ? a.approve(now, by, reason) : a);
        step(now, "ADVANCE_APPROVED", by, advance.amountCny().toPlainString() + " CNY: " + reason);
        return List.of(new ClaimEvents.AdvanceApproved(id, correlationId(), advanceId, advance.amountCny().toPlainString(),
                totalAdvanced().toPlainString(), by, reason));
    }

    public BigDecimal totalAdvanced() {
        return advances.stream().filter(a -> a.status().counts()).map(Advance::amountCny)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Advance advance(String advanceId) {
        return advances.stream().filter(a -> a.id().equals(advanceId)).findFirst().orElse(null);
    }

    /** The advance stored for this request: new, or the one already waiting for approval. */
    Advance advanceFor(String advanceId, BigDecimal amount, String purpose, String paidTo) {
        Advance stored = advance(advanceId);
        return stored != null ? stored : advances.stream()
                .filter(a -> a.status() == Advance.Status.AWAITING_APPROVAL && a.sameAs(amount, purpose, paidTo))
                .findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ evidence, witnesses, costs, links

    List<DomainEvent> addEvidence(EvidenceItem item, Instant now) {
        requireOpen();
        requireRoom(evidence, MAX_EVIDENCE, "claim-evidence-full");
        evidence.add(item);
        if (item.kind() == EvidenceItem.Kind.PHOTO) {
            checkedBy(ChecklistItem.PHOTOS_TAKEN, item.uploadedBy(), item.takenAt() == null ? now : item.takenAt(),
                    "photo " + item.filename());
        }
        step(now, "EVIDENCE_ADDED", item.uploadedBy(), item.kind() + " " + item.filename() + " sha256 " + item.sha256());
        return List.of();
    }

    List<DomainEvent> addWitness(Witness witness, Instant now) {
        requireOpen();
        requireRoom(witnesses, MAX_WITNESSES, "claim-witnesses-full");
        if (witness.statementEvidenceId() != null && evidence(witness.statementEvidenceId()) == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "evidence-unknown", witness.statementEvidenceId());
        }
        witnesses.add(witness);
        if (witness.signed()) {
            checkedBy(ChecklistItem.WITNESS_FOUND, witness.recordedBy(), now, "witness " + witness.name());
        }
        step(now, "WITNESS_RECORDED", witness.recordedBy(), witness.name() + (witness.signed() ? " (signed)" : ""));
        return List.of();
    }

    List<DomainEvent> addCost(Cost cost, Instant now) {
        requireOpen();
        requireRoom(costs, MAX_COSTS, "claim-costs-full");
        if (cost.invoiceEvidenceId() != null && evidence(cost.invoiceEvidenceId()) == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "evidence-unknown", cost.invoiceEvidenceId());
        }
        costs.add(cost);
        step(now, "COST_RECORDED", cost.recordedBy(), cost.kind() + " " + cost.amountCny().toPlainString() + " CNY");
        return List.of();
    }

    List<DomainEvent> settleCost(String costId, BigDecimal amount, String by, Instant now) {
        requireOpen();
        Cost cost = costs.stream().filter(c -> c.id().equals(costId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("cost", costId));
        if (cost.settled()) {
            throw ApiException.conflict("cost-already-settled", costId);
        }
        costs.replaceAll(c -> c.id().equals(costId) ? c.settle(amount, now) : c);
        step(now, "COST_SETTLED", by, cost.kind() + " " + amount.toPlainString() + " CNY");
        return List.of();
    }

    /**
     * Links a request found at the same place into the file, once per request; the claim's own request is not linked.
     * An archived file is not changed any more, and a full list takes no more: such a request stays unlinked (the event
     * that found it is not at fault).
     */
    boolean link(LinkedRequest linked) {
        if (getStage() == ClaimStage.ARCHIVED || Objects.equals(linked.requestId(), requestId)
                || getLinkedRequests().stream().anyMatch(l -> l.requestId().equals(linked.requestId()))
                || getLinkedRequests().size() >= MAX_LINKED_REQUESTS) {
            return false;
        }
        if (linkedRequests == null) {
            linkedRequests = new ArrayList<>();
        }
        linkedRequests.add(linked);
        step(linked.linkedAt(), "REQUEST_LINKED", linked.linkedBy(), linked.number() + " (" + linked.how() + ")");
        return true;
    }

    /** Someone links a request by hand: only into an open file with room for it (409 and 422 otherwise). */
    List<DomainEvent> linkByHand(LinkedRequest linked) {
        requireOpen();
        if (getLinkedRequests().stream().noneMatch(l -> l.requestId().equals(linked.requestId()))) {
            requireRoom(getLinkedRequests(), MAX_LINKED_REQUESTS, "claim-links-full");
        }
        link(linked);
        return List.of();
    }

    public EvidenceItem evidence(String evidenceId) {
        return evidence.stream().filter(e -> e.id().equals(evidenceId)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ helpers

    private void requireOpen() {
        if (getStage() == ClaimStage.ARCHIVED) {
            throw ApiException.conflict("claim-archived", id);
        }
    }

    private void requireRoom(List<?> list, int max, String code) {
        if (list != null && list.size() >= max) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, id, max);
        }
    }

    /** Claims stored before the checklist existed get it on their first change. */
    private void ensureChecklist() {
        if (checklist == null) {
            checklist = new ArrayList<>();
        }
        for (ChecklistItem item : ChecklistItem.values()) {
            if (checklist.stream().noneMatch(c -> c.item() == item)) {
                checklist.add(CheckItem.open(item));
            }
        }
    }

    private CheckItem checkItem(ChecklistItem item) {
        ensureChecklist();
        return checklist.stream().filter(c -> c.item() == item).findFirst().orElseThrow();
    }

    private void replaceItem(ChecklistItem item, UnaryOperator<CheckItem> change) {
        ensureChecklist();
        checklist.replaceAll(c -> c.item() == item ? change.apply(c) : c);
    }

    static String stepTimerId(String claimId, ChecklistItem item) {
        return "claim-step-overdue:" + claimId + ":" + item.name();
    }

    private String stepTimerId(ChecklistItem item) {
        return stepTimerId(id, item);
    }

    private void step(Instant at, String action, String by, String detail) {
        timeline.add(new Step(at, action, by, detail));
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    // ------------------------------------------------------------------ reading

    @Override
    public String correlationId() {
        return requestId != null ? requestId : id;
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getRequestId() { return requestId; }
    public String getRequestNumber() { return requestNumber; }
    public Source getSource() { return source == null ? Source.INTAKE : source; }
    public String getDescription() { return description; }
    public Location getLocation() { return location; }
    public String getPlaceDescription() { return placeDescription; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getReportedAt() { return reportedAt != null ? reportedAt : occurredAt; }
    public Instant getOpenedAt() { return openedAt; }
    public IncidentCategory getCategory() { return category; }
    public Boolean getWarningSignUp() { return warningSignUp; }
    public List<People.Party> getParties() { return nonNull(parties); }
    public List<People.Injured> getInjured() { return nonNull(injured); }
    public List<People.ThirdParty> getThirdParties() { return nonNull(thirdParties); }
    public List<People.DamagedBelonging> getDamagedBelongings() { return nonNull(damagedBelongings); }
    public String getDamage() { return damage; }
    public BigDecimal getEstimatedLossCny() { return estimatedLossCny; }
    public String getCause() { return cause; }
    public String getCorrectiveActions() { return correctiveActions; }
    public String getHandlerId() { return handlerId; }
    public String getHandlerName() { return handlerName; }
    public ClaimStatus getStatus() { return status; }
    /** Claims stored before the stages existed are in the first stage. */
    public ClaimStage getStage() { return stage != null ? stage : ClaimStage.IMMEDIATE_ACTION; }
    public Instant getStageEnteredAt() { return stageEnteredAt != null ? stageEnteredAt : openedAt; }
    public ClaimStage.Outcome getOutcome() { return outcome; }
    public BigDecimal getSettledAmountCny() { return settledAmountCny; }
    public Instant getArchivedAt() { return archivedAt; }
    public List<CheckItem> getChecklist() { ensureChecklist(); return checklist; }
    public InsurerDelivery getInsurerReport() { return insurerReport; }
    public PhoneReport getPhoneReport() { return phoneReport; }
    public Instant getFirstReportedToInsurerAt() { return firstReportedToInsurerAt; }
    public List<Advance> getAdvances() { return nonNull(advances); }
    public List<EvidenceItem> getEvidence() { return nonNull(evidence); }
    public List<Witness> getWitnesses() { return nonNull(witnesses); }
    public List<Cost> getCosts() { return nonNull(costs); }
    public List<LinkedRequest> getLinkedRequests() { return nonNull(linkedRequests); }
    public List<Step> getTimeline() { return nonNull(timeline); }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

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

    @Override
    public Map<String, Object> getCountedAs() {
        return countedAs;
    }

    @Override
    public void setCountedAs(Map<String, Object> labels) {
        this.countedAs = labels;
    }

    @Override
    public List<CounterMove> getCountOutbox() {
        return countOutbox;
    }
}

package com.mallservicedesk.callback.followup;

import com.mallservicedesk.callback.policy.CallbackPolicy;
import com.mallservicedesk.callback.requests.RequestFacts;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
 * One callback (回訪記錄): after a completed work order, to everyone who reported it, or a daily proactive callback to a
 * tenant. Each round of a work order (reopened after an unsatisfied callback) has its own callback, linked to the
 * earlier ones, until the customer is satisfied (seed 000 §4.8). Each method checks the change is allowed (409
 * otherwise), changes the state, plans the timers and returns the events.
 */
@Document("callbacks")
@CompoundIndexes({
        @CompoundIndex(name = "mall_status_due", def = "{'mallId': 1, 'status': 1, 'dueAt': 1}"),
        @CompoundIndex(name = "mall_due", def = "{'mallId': 1, 'dueAt': 1}"),
        @CompoundIndex(name = "mall_created", def = "{'mallId': 1, 'createdAt': 1}"),
        @CompoundIndex(name = "mall_month", def = "{'mallId': 1, 'month': 1}"),
        @CompoundIndex(name = Callback.QUEUE_KEY, def = "{'" + Callback.QUEUE_KEY + "': 1}", unique = true, sparse = true)
})
public class Callback implements OutboxCarrier {

    /** The field holding an open callback's place in its mall's queue ({@link WorkingSetKey}); absent once closed. */
    static final String QUEUE_KEY = "queueKey";
    static final String DUE_TIMER = "callback-due";
    static final String OVERDUE_TIMER = "callback-overdue";
    /** Enough tries for any customer; a callback record (and its view) stays small. */
    static final int MAX_ATTEMPTS = 50;
    /** An attempt logged a little ahead of this server's clock is still accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    @Id
    private String id;
    private String mallId;
    private CallbackKind callbackKind;
    /** The request's kind (REPAIR, COMPLAINT, HELP …); null for daily callbacks. */
    private String kind;
    private String requestId;
    private String requestNumber;
    private String workOrderId;
    private String department;
    private int round = 1;
    private List<CompletedWorkOrder.Contact> contacts = new ArrayList<>();
    private ProactiveTarget tenant;
    private String sampleDate;
    private Instant workCompletedAt;
    private String workSummary;
    private Instant createdAt;
    private Instant callableFrom;
    private Instant dueAt;
    /** The month (mall time) whose statistics this callback counts in: that of the completed work, or of the sample. */
    private String month;
    private String zone;
    private int maxUnreachableAttempts;
    /** The mall's threshold when this callback was planned: unsatisfied callbacks before the supervisor takes over. */
    private int supervisorAfterUnsatisfied;
    private CallbackStatus status;
    private ExemptReason exemptReason;
    private List<Attempt> attempts = new ArrayList<>();
    private CallbackResult result;
    private Boolean satisfied;
    private List<String> dissatisfiedWith = new ArrayList<>();
    private String calledBy;
    private Instant completedAt;
    private Boolean onTime;
    private Instant overdueAt;
    private Instant unreachableAt;
    private boolean escalated;
    private String previousCallbackId;
    private String nextCallbackId;
    /** {@link #placeInQueue()} as of the last save; null (not stored) while the callback is closed. */
    private String queueKey;
    /** The earlier rounds of the same work order, oldest first, as they ended. */
    private List<Round> earlierRounds = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    Callback() {
    }

    /** Each round of a work order has one callback, whatever event delivered the completion. */
    static String idFor(CompletedWorkOrder work, String completionEventId) {
        return work.workOrderId() == null ? "cb-" + completionEventId : "cb-" + work.workOrderId() + "-" + work.roundOrFirst();
    }

    static String previousIdFor(CompletedWorkOrder work) {
        int round = work.roundOrFirst();
        return work.workOrderId() == null || round <= 1 ? null : "cb-" + work.workOrderId() + "-" + (round - 1);
    }

    static String dailyIdFor(String mallId, LocalDate date, String tenantId) {
        return "daily-" + mallId + "-" + date + "-" + tenantId;
    }

    /**
     * The callback for completed work, or a record of why there is none: internal property services and kinds the mall
     * does not call back are exempt (seed 000 §4.9); work with nobody to call is flagged for the desk.
     *
     * @param facts    what intake told about the request, null if its event has not arrived
     * @param previous the callback of the round before, null for the first round
     */
    static Created<Callback> forWork(String id, String mallId, CompletedWorkOrder work, CallbackPolicy policy,
                                     RequestFacts facts, Callback previous, Instant now) {
        Callback c = new Callback();
        c.id = id;
        c.mallId = mallId;
        c.kind = work.kind();
        c.callbackKind = CallbackKind.forRequestKind(work.kind());
        c.requestId = work.requestId();
        c.requestNumber = work.requestNumber();
        c.workOrderId = work.workOrderId();
        c.department = work.department();
        c.round = work.roundOrFirst();
        c.contacts = work.contacts();
        c.workCompletedAt = (work.completedAt() != null ? work.completedAt() : now).truncatedTo(ChronoUnit.MILLIS);
        c.workSummary = work.summary();
        c.createdAt = now;
        c.zone = policy.zone().getId();
        c.maxUnreachableAttempts = policy.maxUnreachableAttempts();
        c.supervisorAfterUnsatisfied = policy.supervisorAfterUnsatisfied();
        c.month = YearMonth.from(c.workCompletedAt.atZone(c.zoneId())).toString();
        c.callableFrom = policy.callableFrom(c.workCompletedAt);
        c.dueAt = policy.dueAfterWork(c.workCompletedAt, c.callableFrom);
        if (previous != null) {
            c.previousCallbackId = previous.id;
            c.earlierRounds = new ArrayList<>(previous.earlierRounds);
            c.earlierRounds.add(previous.asRound());
        }
        if (facts != null && facts.internalService()) {
            c.status = CallbackStatus.EXEMPT;
            c.exemptReason = ExemptReason.INTERNAL_SERVICE;
            return Created.of(c);
        }
        if (!policy.callsBack(work.kind())) {
            c.status = CallbackStatus.EXEMPT;
            c.exemptReason = ExemptReason.KIND_NOT_CALLED_BACK;
            return Created.of(c);
        }
        boolean someoneToCall = c.contacts.stream().anyMatch(contact -> contact.phone() != null && !contact.phone().isBlank())
                || (facts != null && facts.tenantId() != null);
        if (!someoneToCall) {
            c.status = CallbackStatus.NO_CONTACT;
            return Created.of(c);
        }
        return Created.of(c, c.plan(now));
    }

    /** A daily proactive callback to one tenant on the sample's day (seed 000 §4.5.1: 隨機選擇業戶進行回訪). */
    static Created<Callback> proactive(String mallId, LocalDate date, ProactiveTarget tenant, CallbackPolicy policy,
                                       Instant now) {
        Callback c = new Callback();
        c.id = dailyIdFor(mallId, date, tenant.tenantId());
        c.mallId = mallId;
        c.callbackKind = CallbackKind.DAILY;
        c.tenant = tenant;
        c.sampleDate = date.toString();
        c.createdAt = now;
        c.zone = policy.zone().getId();
        c.maxUnreachableAttempts = policy.maxUnreachableAttempts();
        c.month = YearMonth.from(date).toString();
        c.callableFrom = policy.openingOnOrAfter(date);
        c.dueAt = policy.dueAt(c.callableFrom);
        return Created.of(c, c.plan(now));
    }

    /** Due at once or on the desk's next working day; the overdue timer either way. */
    private DomainEvent plan(Instant now) {
        if (callableFrom.isAfter(now)) {
            status = CallbackStatus.SCHEDULED;
            timerOutbox.add(PendingTimer.schedule(timerId(DUE_TIMER), DUE_TIMER, id, callableFrom, Map.of()));
        } else {
            status = CallbackStatus.DUE;
        }
        timerOutbox.add(PendingTimer.schedule(timerId(OVERDUE_TIMER), OVERDUE_TIMER, id, dueAt,
                Map.of("dueAt", dueAt.toString())));
        return new CallbackEvents.Scheduled(id, requestId, workOrderId, department, dueAt, kind, getCallbackKind(), round,
                callableFrom, previousCallbackId, tenant == null ? null : tenant.tenantId(), status);
    }

    String timerId(String kindOfTimer) {
        return kindOfTimer + ":" + id + ":" + round;
    }

    /** The desk's working day has come: the callback is due. A timer may fire twice; the second time changes nothing. */
    List<DomainEvent> becomeDue() {
        if (status == CallbackStatus.SCHEDULED) {
            status = CallbackStatus.DUE;
        }
        return List.of();
    }

    /** The due time passed before the callback was done; once. */
    List<DomainEvent> markOverdue(Instant now) {
        if (status != CallbackStatus.SCHEDULED && status != CallbackStatus.DUE) {
            return List.of();
        }
        if (status == CallbackStatus.SCHEDULED) {
            timerOutbox.add(PendingTimer.cancel(timerId(DUE_TIMER)));
        }
        status = CallbackStatus.OVERDUE;
        overdueAt = now;
        return List.of(new CallbackEvents.Overdue(id, requestId, workOrderId, kind, getCallbackKind(), department, round, dueAt,
                status, now));
    }

    /**
     * One try to reach the customer. After the mall's number of unreachable attempts on different days (mall time)
     * the callback ends unreachable; a customer who declines to answer ends it as refused.
     */
    List<DomainEvent> attempt(RecordAttempt attempt, String by, Instant now) {
        requireOpen();
        if (attempts.size() >= MAX_ATTEMPTS) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "callback-attempts-exhausted", id, MAX_ATTEMPTS);
        }
        Instant at = attempt.attemptedAt() != null ? attempt.attemptedAt().truncatedTo(ChronoUnit.MILLIS) : now;
        Instant notBefore = workCompletedAt != null ? workCompletedAt : createdAt;
        if (at.isAfter(now.plus(CLOCK_SKEW)) || at.isBefore(notBefore)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "attempt-time-invalid",
                    Map.of("errors", List.of(Map.of("field", "attemptedAt", "code", "attempt-time-invalid"))), at, notBefore);
        }
        attempts.add(new Attempt(at, attempt.method(), attempt.outcome(), attempt.note(), by));
        List<DomainEvent> events = new ArrayList<>();
        switch (attempt.outcome()) {
            case REFUSED -> close(CallbackStatus.REFUSED, by, at);
            case UNREACHABLE -> {
                if (unreachableDays() >= maxUnreachable()) {
                    close(CallbackStatus.UNREACHABLE, by, null);
                    unreachableAt = now;
                }
            }
            case REACHED -> { }
        }
        events.add(new CallbackEvents.Attempted(id, requestId, workOrderId, kind, getCallbackKind(), department, round,
                attempt.method(), attempt.outcome(), at, unreachableDays(), maxUnreachable(), status));
        if (status == CallbackStatus.UNREACHABLE) {
            events.add(new CallbackEvents.Unreachable(id, requestId, workOrderId, kind, getCallbackKind(), department, round,
                    attempts.size(), unreachableDays(), CallbackEvents.SUPERVISOR, status, now));
        }
        return events;
    }

    /**
     * The reached customer's answers. Not satisfied: the department corrects and the customer is called again until
     * satisfied (seed 000 §4.8 跟蹤回訪、直至合格為止); once the request has had the mall's number of unsatisfied
     * callbacks (default 2), and at every unsatisfied callback after that, the case is handed to the customer-service
     * supervisor, who coordinates the departments until the customer is satisfied (seed 003 §2).
     */
    List<DomainEvent> record(CallbackResult answers, String by, Instant now) {
        requireOpen();
        List<String> missing = answers.missingFor(getCallbackKind());
        if (!missing.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "callback-answers-missing",
                    Map.of("errors", missing.stream().map(field -> Map.of("field", field, "code", "NotNull")).toList()),
                    getCallbackKind(), String.join(", ", missing));
        }
        result = answers.keptFor(getCallbackKind());
        dissatisfiedWith = result.dissatisfiedWith();
        satisfied = dissatisfiedWith.isEmpty();
        if (attempts.stream().noneMatch(a -> a.outcome() == AttemptOutcome.REACHED)) {
            attempts.add(new Attempt(now, answers.method(), AttemptOutcome.REACHED, null, by));
        }
        close(CallbackStatus.COMPLETED, by, now);
        List<DomainEvent> events = new ArrayList<>();
        if (getCallbackKind() == CallbackKind.DAILY) {
            events.add(new CallbackEvents.ProactiveCompleted(id, tenant.tenantId(), sampleDate, getCallbackKind(), result.method(),
                    result.overall(), result.attitude(), result.quality(), satisfied, dissatisfiedWith, now, onTime));
        } else {
            events.add(new CallbackEvents.Completed(id, requestId, workOrderId, kind, department, result.method(),
                    result.timeliness(), result.attitude(), result.quality(), satisfied, now, getCallbackKind(), round,
                    result.complaintResolved(), result.outcomeAccepted(), dissatisfiedWith, onTime, dueAt,
                    previousCallbackId, status));
        }
        if (!satisfied) {
            int unsatisfiedRounds = unsatisfiedRounds();
            events.add(new CallbackEvents.Unsatisfied(id, requestId, workOrderId, kind, getCallbackKind(), department, round,
                    dissatisfiedWith, unsatisfiedRounds, tenant == null ? null : tenant.tenantId(), now));
            if (getCallbackKind() != CallbackKind.DAILY && unsatisfiedRounds >= supervisorAfter()) {
                escalated = true;
                events.add(new CallbackEvents.Escalated(id, requestId, workOrderId, kind, getCallbackKind(), department, round,
                        unsatisfiedRounds, CallbackEvents.SUPERVISOR,
                        "customer not satisfied at " + unsatisfiedRounds + " callbacks: " + String.join(", ", dissatisfiedWith),
                        status, now, requestNumber, supervisorAfter(), dissatisfiedWith,
                        unsatisfiedRounds == supervisorAfter()));
            }
        }
        return events;
    }

    /** The next round's callback exists (the work order was reopened and completed again). */
    List<DomainEvent> followedBy(String nextId) {
        nextCallbackId = nextId;
        return List.of();
    }

    /** Unsatisfied callbacks of this work order so far, this one included. */
    int unsatisfiedRounds() {
        long earlier = earlierRounds.stream().filter(r -> Boolean.FALSE.equals(r.satisfied())).count();
        return (int) earlier + (Boolean.FALSE.equals(satisfied) ? 1 : 0);
    }

    /** Different days (mall time) on which the customer could not be reached. */
    int unreachableDays() {
        ZoneId zoneId = zoneId();
        return (int) attempts.stream().filter(a -> a.outcome() == AttemptOutcome.UNREACHABLE)
                .map(a -> a.at().atZone(zoneId).toLocalDate()).distinct().count();
    }

    /** Its place in the mall's open queue, by due time; null once closed. The one derivation of {@link #QUEUE_KEY}. */
    String placeInQueue() {
        return status != null && status.open() ? WorkingSetKey.of(mallId, dueAt, id) : null;
    }

    /** Keeps {@link #QUEUE_KEY} as the state says: the store's step before every save ({@link Callbacks}). */
    Callback keepPlaceInQueue() {
        queueKey = placeInQueue();
        return this;
    }

    String queueKey() {
        return queueKey;
    }

    /** The kind as stored, null for callbacks stored before kinds existed: what a query on the field matches. */
    CallbackKind storedCallbackKind() {
        return callbackKind;
    }

    Round asRound() {
        return new Round(round, id, status, satisfied, dissatisfiedWith, completedAt);
    }

    /** Every round of the chain, this one last. */
    List<Round> rounds() {
        List<Round> all = new ArrayList<>(earlierRounds);
        all.add(asRound());
        return all;
    }

    private void close(CallbackStatus closing, String by, Instant doneAt) {
        if (status == CallbackStatus.SCHEDULED) {
            timerOutbox.add(PendingTimer.cancel(timerId(DUE_TIMER)));
        }
        if (status != CallbackStatus.OVERDUE && status != CallbackStatus.NO_CONTACT) {
            timerOutbox.add(PendingTimer.cancel(timerId(OVERDUE_TIMER)));
        }
        status = closing;
        calledBy = by;
        if (doneAt != null) {
            completedAt = doneAt;
            onTime = dueAt == null || !doneAt.isAfter(dueAt);
        }
    }

    private void requireOpen() {
        if (status == CallbackStatus.COMPLETED) {
            throw ApiException.conflict("callback-already-completed", id);
        }
        if (!status.open()) {
            throw ApiException.conflict("callback-closed", id, status);
        }
    }

    /** Callbacks stored before the mall's limit was kept on each use the default. */
    int maxUnreachable() {
        return maxUnreachableAttempts > 0 ? maxUnreachableAttempts : CallbackPolicy.DEFAULT_MAX_UNREACHABLE;
    }

    /** Callbacks stored before the mall's threshold was kept on each use the default. */
    int supervisorAfter() {
        return supervisorAfterUnsatisfied > 0 ? supervisorAfterUnsatisfied : CallbackPolicy.DEFAULT_SUPERVISOR_AFTER;
    }

    ZoneId zoneId() {
        return ZoneId.of(zone != null ? zone : "Asia/Shanghai");
    }

    @Override
    public String correlationId() {
        return requestId != null ? requestId : id;
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    /** Callbacks stored before kinds existed were all asked the repair questions. */
    public CallbackKind getCallbackKind() { return callbackKind != null ? callbackKind : CallbackKind.forRequestKind(kind); }
    public String getKind() { return kind; }
    public String getRequestId() { return requestId; }
    public String getRequestNumber() { return requestNumber; }
    public String getWorkOrderId() { return workOrderId; }
    public String getDepartment() { return department; }
    public int getRound() { return round; }
    public List<CompletedWorkOrder.Contact> getContacts() { return contacts; }
    public ProactiveTarget getTenant() { return tenant; }
    public String getSampleDate() { return sampleDate; }
    public Instant getWorkCompletedAt() { return workCompletedAt; }
    public String getWorkSummary() { return workSummary; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getCallableFrom() { return callableFrom; }
    public Instant getDueAt() { return dueAt; }
    public String getMonth() { return month; }
    public int getMaxUnreachableAttempts() { return maxUnreachable(); }
    public int getSupervisorAfterUnsatisfied() { return supervisorAfter(); }
    public CallbackStatus getStatus() { return status; }
    public ExemptReason getExemptReason() { return exemptReason; }
    public List<Attempt> getAttempts() { return attempts; }
    public CallbackResult getResult() { return result; }
    public Boolean getSatisfied() { return satisfied; }
    public List<String> getDissatisfiedWith() { return dissatisfiedWith; }
    public String getCalledBy() { return calledBy; }
    public Instant getCompletedAt() { return completedAt; }
    public Boolean getOnTime() { return onTime; }
    public Instant getOverdueAt() { return overdueAt; }
    public Instant getUnreachableAt() { return unreachableAt; }
    public boolean isEscalated() { return escalated; }
    public String getPreviousCallbackId() { return previousCallbackId; }
    public String getNextCallbackId() { return nextCallbackId; }
    public List<Round> getEarlierRounds() { return earlierRounds; }

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

package com.mallservicedesk.intake.request;

import com.mallservicedesk.intake.request.RequestEvents.AcceptanceOverdue;
import com.mallservicedesk.intake.request.RequestEvents.Cancelled;
import com.mallservicedesk.intake.request.RequestEvents.Closed;
import com.mallservicedesk.intake.request.RequestEvents.ConsultationReplyMissed;
import com.mallservicedesk.intake.request.RequestEvents.ConsultationReviewed;
import com.mallservicedesk.intake.request.RequestEvents.SuggestionEvaluated;
import com.mallservicedesk.intake.request.RequestEvents.SuggestionEvaluationMissed;
import com.mallservicedesk.intake.request.RequestEvents.Contact;
import com.mallservicedesk.intake.request.RequestEvents.Merged;
import com.mallservicedesk.intake.request.RequestEvents.MessageReceived;
import com.mallservicedesk.intake.request.RequestEvents.Registered;
import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.store.NewestFirstKey;
import com.mallservicedesk.platform.timer.PendingTimer;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import com.mallservicedesk.platform.store.WorkingSetKey;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the reception log (物業接待記錄): time, customer, contact and reason (seed 000 §4.3), with
 * everything that happened to it since. Methods change the state and return the events the change causes.
 */
@Document("requests")
@CompoundIndexes({
        @CompoundIndex(name = "mall_number", def = "{'mallId': 1, 'number': 1}", unique = true),
        @CompoundIndex(name = "mall_received", def = "{'mallId': 1, 'receivedAt': -1}"),
        @CompoundIndex(name = ServiceRequest.ACCEPTANCE_QUEUE, def = "{'" + ServiceRequest.ACCEPTANCE_QUEUE + "': 1}",
                unique = true, sparse = true),
        // Sparse only for requests stored before the keys, until they are keyed (RequestLogKeys).
        @CompoundIndex(name = ServiceRequest.LOG_KEY, def = "{'" + ServiceRequest.LOG_KEY + "': 1}", unique = true,
                sparse = true),
        @CompoundIndex(name = ServiceRequest.STATUS_LOG_KEY, def = "{'" + ServiceRequest.STATUS_LOG_KEY + "': 1}",
                unique = true, sparse = true)
})
public class ServiceRequest implements OutboxCarrier {

    static final Set<Channel> ONLINE_CHANNELS = Set.of(Channel.WECHAT, Channel.QQ, Channel.ONLINE, Channel.EMAIL);
    static final String CLOSED_ON_SPOT = "ANSWERED_ON_SPOT";
    static final String CLOSED_AFTER_CALLBACK = "SATISFIED_CALLBACK";
    static final String ACCEPTANCE_QUEUE = "acceptanceQueue";
    static final String LOG_KEY = "logKey";
    static final String STATUS_LOG_KEY = "statusLogKey";

    @Id
    private String id;
    private String mallId;
    private String number;
    private Channel channel;
    private RequestKind kind;
    private String category;
    private String description;
    private Location location;
    private Customer customer;
    /** The customer gave no name or contact (seed 000 §4.3 otherwise asks for both). */
    private boolean anonymous;
    /** A major incident or complaint: the related departments are told within one working day (seed 004 信息治理). */
    private boolean major;
    private List<String> relatedDepartments = new ArrayList<>();
    private Priority priority;
    private String answer;
    private Instant receivedAt;
    private Instant registeredAt;
    /** When the acceptance limit starts to count: arrival, or the desk's next opening if it was closed. */
    private Instant acceptanceStartsAt;
    private Instant acceptanceDueAt;
    private Instant acceptedAt;
    private boolean acceptanceOverdue;
    private RequestStatus status;
    /**
     * While the message waits for acceptance: its key in the mall's queue of such messages ({@link WorkingSetKey}, by
     * arrival), which the front desk's console polls. Derived from the state before every save ({@link #keyed}).
     */
    private String acceptanceQueue;
    /**
     * Its key in the mall's reception log, newest first ({@link NewestFirstKey}, by receipt): the log's pages without
     * other filters read a range of it. Derived before every save ({@link #keyed}).
     */
    private String logKey;
    /** The same within its status's part of the log: the log's pages by status read a range of it. */
    private String statusLogKey;
    private Owner owner;
    private String department;
    private String workOrderId;
    private String possibleDuplicateOf;
    private String mergedInto;
    private List<Reporter> reporters = new ArrayList<>();
    private String cancelReason;
    private String cancelledBy;
    private Instant closedAt;
    private String closeReason;
    private List<TimelineEntry> timeline = new ArrayList<>();
    /** A consultation not answered on the spot: its reply is due within the mall's working days (seed 003). */
    private FollowUpClock replyClock;
    private Instant answeredAt;
    private String answeredBy;
    private FollowUps.AnswerReview answerReview;
    /** A suggestion: its evaluation is due within the mall's working days (seed 003 §3). */
    private FollowUpClock evaluationClock;
    private FollowUps.Evaluation evaluation;
    /** The latest change applied per work order: an older one delivered later moves nothing back. */
    private List<WorkOrderMark> workOrderMarks = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    ServiceRequest() {
    }

    /** Keeps its keys (the log's, the acceptance queue's) in step with the state: the store calls it before every save. */
    ServiceRequest keyed() {
        logKey = placeInLog();
        statusLogKey = placeInStatusLog();
        acceptanceQueue = placeInAcceptanceQueue();
        return this;
    }

    /** Its key in the mall's log, newest first: the one derivation of the key. */
    String placeInLog() {
        return NewestFirstKey.of(mallId, receivedAt, id);
    }

    /** Its key in the part of the mall's log of its status, newest first: the one derivation of the key. */
    String placeInStatusLog() {
        return status == null ? null : NewestFirstKey.of(mallId, status.name(), receivedAt, id);
    }

    /** Its key in the acceptance queue while it waits for acceptance, else null: the one derivation of the key. */
    String placeInAcceptanceQueue() {
        return status == RequestStatus.PENDING_ACCEPTANCE ? WorkingSetKey.of(mallId, receivedAt, id) : null;
    }

    /** A contact at the counter (phone, visit, intercom, patrol): in the log and ready for dispatch at once. */
    static Created<ServiceRequest> registerAtCounter(String id, String mallId, String number, RegisterRequest command, Owner owner,
                                          String possibleDuplicateOf, FollowUpLimits limits, Instant now) {
        ServiceRequest r = base(id, mallId, number, command.channel(), command.kind(), command.category(),
                command.description(), command.location(), command.customer(), command.receivedAt(), now);
        r.priority = command.priority() == null ? Priority.NORMAL : command.priority();
        r.anonymous = command.isAnonymous();
        r.major = Boolean.TRUE.equals(command.major());
        r.relatedDepartments = command.relatedDepartments() == null ? new ArrayList<>()
                : new ArrayList<>(command.relatedDepartments().stream().distinct().toList());
        r.owner = owner;
        r.possibleDuplicateOf = possibleDuplicateOf;
        r.status = RequestStatus.REGISTERED;
        r.note(TimelineEntry.of(id + ":registered", "REGISTERED", now, owner.id(), null));
        r.noteDuplicate(now);
        List<DomainEvent> events = new ArrayList<>();
        if (Boolean.TRUE.equals(command.answeredOnSpot())) {
            r.answer = command.answer();
            r.answeredAt = now;
            r.answeredBy = owner.id();
            r.status = RequestStatus.CLOSED;
            r.closedAt = now;
            r.closeReason = CLOSED_ON_SPOT;
            r.note(TimelineEntry.of(id + ":closed", "CLOSED", now, owner.id(), CLOSED_ON_SPOT));
            events.add(r.registered());
            events.add(new Closed(id, number, now, CLOSED_ON_SPOT));
        } else {
            r.startFollowUps(limits);
            events.add(r.registered());
        }
        return new Created<>(r, events);
    }

    /**
     * An online message: waits for the front desk, which must accept it within the mall's limit (seed 001 §二.3). The
     * limit counts in the desk's hours: a message sent while the desk is closed is due that long after it opens.
     */
    static Created<ServiceRequest> receiveOnline(String id, String mallId, String number, Channel channel, OnlineMessage message,
                                      Duration acceptanceLimit, WorkingCalendar deskHours, String possibleDuplicateOf,
                                      Instant now) {
        ServiceRequest r = base(id, mallId, number, channel, message.kind() == null ? RequestKind.CONSULTATION : message.kind(),
                message.category(), message.description(), message.location(), message.customer(), message.receivedAt(), now);
        r.priority = Priority.NORMAL;
        r.status = RequestStatus.PENDING_ACCEPTANCE;
        r.acceptanceStartsAt = deskHours.nextOpening(r.receivedAt);
        r.acceptanceDueAt = deskHours.addWorkingTime(r.receivedAt, acceptanceLimit);
        r.possibleDuplicateOf = possibleDuplicateOf;
        r.note(TimelineEntry.of(id + ":received", "MESSAGE_RECEIVED", now, null, channel.name()));
        r.noteDuplicate(now);
        // The deadline is stored with the message itself: it cannot be lost between two writes.
        r.timerOutbox.add(PendingTimer.schedule(acceptanceTimerId(id), ACCEPTANCE_TIMER, id, r.acceptanceDueAt,
                Map.of("channel", channel.name())));
        return new Created<>(r, List.of(new MessageReceived(id, number, channel, r.kind, r.receivedAt, r.acceptanceDueAt,
                r.acceptanceStartsAt)));
    }

    private static ServiceRequest base(String id, String mallId, String number, Channel channel, RequestKind kind,
                                       String category, String description, Location location, Customer customer,
                                       Instant receivedAt, Instant now) {
        ServiceRequest r = new ServiceRequest();
        r.id = id;
        r.mallId = mallId;
        r.number = number;
        r.channel = channel;
        r.kind = kind;
        r.category = category;
        r.description = description;
        r.location = location;
        r.customer = customer;
        r.receivedAt = receivedAt == null ? now : receivedAt;
        r.registeredAt = now;
        return r;
    }

    private void noteDuplicate(Instant now) {
        if (possibleDuplicateOf != null) {
            note(TimelineEntry.of(id + ":possible-duplicate", "POSSIBLE_DUPLICATE", now, null, null)
                    .withRelated(possibleDuplicateOf));
        }
    }

    /** The front desk accepts an online message: from now on it is the accepting user's (首問責任制). */
    List<DomainEvent> accept(AcceptMessage corrections, Owner by, FollowUpLimits limits, Instant now) {
        requireStatus("accept", RequestStatus.PENDING_ACCEPTANCE);
        if (corrections != null) {
            if (corrections.kind() != null) {
                kind = corrections.kind();
            }
            if (corrections.category() != null) {
                category = corrections.category();
            }
            if (corrections.priority() != null) {
                priority = corrections.priority();
            }
            if (corrections.major() != null) {
                major = corrections.major();
            }
            if (corrections.relatedDepartments() != null) {
                relatedDepartments = new ArrayList<>(corrections.relatedDepartments().stream().distinct().toList());
            }
        }
        stopAcceptanceClock();
        owner = by;
        acceptedAt = now;
        status = RequestStatus.REGISTERED;
        note(TimelineEntry.of(id + ":accepted", "ACCEPTED", now, by.id(),
                acceptanceOverdue ? "after the acceptance limit" : null));
        List<DomainEvent> events = new ArrayList<>();
        if (corrections != null && Boolean.TRUE.equals(corrections.answeredOnSpot())) {
            answer = corrections.answer();
            answeredAt = now;
            answeredBy = by.id();
            status = RequestStatus.CLOSED;
            closedAt = now;
            closeReason = CLOSED_ON_SPOT;
            note(TimelineEntry.of(id + ":closed", "CLOSED", now, by.id(), CLOSED_ON_SPOT));
            events.add(registered());
            events.add(new Closed(id, number, now, CLOSED_ON_SPOT));
        } else {
            startFollowUps(limits);
            events.add(registered());
        }
        return events;
    }

    /**
     * The clocks a registered request starts besides dispatch's: a consultation not answered on the spot is answered
     * within the mall's working days (seed 003 客戶咨詢受理流程: "在[X]個工作日內給予回復"), a suggestion is evaluated
     * within its working days (seed 003 §3). Both count from receipt, in the desk's hours.
     */
    private void startFollowUps(FollowUpLimits limits) {
        if (kind == RequestKind.CONSULTATION) {
            replyClock = FollowUpClock.due(limits.deskHours().addWorkingDays(receivedAt, limits.consultationReplyDays()));
            schedule(FollowUpClock.Kind.CONSULTATION_REPLY, replyClock.dueAt());
        } else if (kind == RequestKind.SUGGESTION) {
            evaluationClock = FollowUpClock.due(
                    limits.deskHours().addWorkingDays(receivedAt, limits.suggestionEvaluationDays()));
            schedule(FollowUpClock.Kind.SUGGESTION_EVALUATION, evaluationClock.dueAt());
        }
    }

    private void schedule(FollowUpClock.Kind which, Instant dueAt) {
        timerOutbox.add(PendingTimer.schedule(FollowUpClock.timerId(id, which), FOLLOW_UP_TIMER, id, dueAt,
                Map.of("clock", which.name())));
    }

    private void stopFollowUps() {
        if (replyClock != null && replyClock.running()) {
            timerOutbox.add(PendingTimer.cancel(FollowUpClock.timerId(id, FollowUpClock.Kind.CONSULTATION_REPLY)));
        }
        if (evaluationClock != null && evaluationClock.running()) {
            timerOutbox.add(PendingTimer.cancel(FollowUpClock.timerId(id, FollowUpClock.Kind.SUGGESTION_EVALUATION)));
        }
    }

    /** The reply to a consultation that was not answered on the spot (seed 003): its clock stops. */
    List<DomainEvent> answer(String text, String by, Instant now) {
        requireKind("answer", RequestKind.CONSULTATION);
        requireStatus("answer", RequestStatus.REGISTERED, RequestStatus.DISPATCHED, RequestStatus.IN_PROGRESS,
                RequestStatus.COMPLETED, RequestStatus.CLOSED);
        if (answeredAt != null || answer != null) {
            throw ApiException.conflict("request-follow-up-recorded", number, "answer");
        }
        answer = text;
        answeredAt = now;
        answeredBy = by;
        if (replyClock != null && replyClock.running()) {
            replyClock = replyClock.done(now);
            timerOutbox.add(PendingTimer.cancel(FollowUpClock.timerId(id, FollowUpClock.Kind.CONSULTATION_REPLY)));
        }
        note(TimelineEntry.of(id + ":answered", "ANSWERED", now, by, null));
        return List.of();
    }

    /**
     * The supervisor checked the answer given, on the spot or later: survey counts the consultation reply accuracy
     * from it (seed 003 §監控指標). Once per consultation.
     */
    List<DomainEvent> reviewAnswer(boolean correct, String reviewNote, String by, Instant now) {
        requireKind("review the answer", RequestKind.CONSULTATION);
        if (answer == null) {
            throw ApiException.conflict("request-not-answered", number);
        }
        if (answerReview != null) {
            throw ApiException.conflict("request-follow-up-recorded", number, "answer review");
        }
        answerReview = new FollowUps.AnswerReview(correct, reviewNote, by, now);
        note(TimelineEntry.of(id + ":answer-reviewed", "ANSWER_REVIEWED", now, by, correct ? "correct" : "not correct"));
        Instant answered = answeredAt != null ? answeredAt : closedAt;
        return List.of(new ConsultationReviewed(id, number, answered, correct, by, now));
    }

    /** A supervisor or manager evaluated the suggestion: adopted or not, with a note (seed 003 §3). */
    List<DomainEvent> evaluate(boolean adopted, String evaluationNote, String by, Instant now) {
        requireKind("evaluate", RequestKind.SUGGESTION);
        requireStatus("evaluate", RequestStatus.REGISTERED, RequestStatus.DISPATCHED, RequestStatus.IN_PROGRESS,
                RequestStatus.COMPLETED, RequestStatus.CLOSED);
        if (evaluation != null) {
            throw ApiException.conflict("request-follow-up-recorded", number, "evaluation");
        }
        evaluation = new FollowUps.Evaluation(adopted, evaluationNote, by, now);
        if (evaluationClock != null && evaluationClock.running()) {
            evaluationClock = evaluationClock.done(now);
            timerOutbox.add(PendingTimer.cancel(FollowUpClock.timerId(id, FollowUpClock.Kind.SUGGESTION_EVALUATION)));
        }
        note(TimelineEntry.of(id + ":evaluated", "EVALUATED", now, by, adopted ? "adopted" : "not adopted"));
        return List.of(new SuggestionEvaluated(id, number, adopted, evaluationNote, by, now));
    }

    /** A follow-up's timer fired: recorded once if it is still not done and the request still stands. */
    List<DomainEvent> markFollowUpMissed(FollowUpClock.Kind which, Instant now) {
        FollowUpClock clock = which == FollowUpClock.Kind.CONSULTATION_REPLY ? replyClock : evaluationClock;
        if (clock == null || !clock.running() || clock.missedAt() != null || status == RequestStatus.CANCELLED
                || status == RequestStatus.MERGED) {
            return List.of();
        }
        if (which == FollowUpClock.Kind.CONSULTATION_REPLY) {
            replyClock = clock.missed(now);
            note(TimelineEntry.of(id + ":reply-overdue", "REPLY_OVERDUE", now, null, null));
            return List.of(new ConsultationReplyMissed(id, number, clock.dueAt(), now));
        }
        evaluationClock = clock.missed(now);
        note(TimelineEntry.of(id + ":evaluation-overdue", "EVALUATION_OVERDUE", now, null, null));
        return List.of(new SuggestionEvaluationMissed(id, number, clock.dueAt(), now));
    }

    private void requireKind(String action, RequestKind wanted) {
        if (kind != wanted) {
            throw ApiException.conflict("request-wrong-kind", number, kind, action);
        }
    }

    /** The acceptance limit passed with the message still waiting; recorded once however often the timer fires. */
    List<DomainEvent> markAcceptanceOverdue(Instant now) {
        if (status != RequestStatus.PENDING_ACCEPTANCE || acceptanceOverdue) {
            return List.of();
        }
        acceptanceOverdue = true;
        note(TimelineEntry.of(id + ":acceptance-overdue", "ACCEPTANCE_OVERDUE", now, null, null));
        return List.of(new AcceptanceOverdue(id, number, channel, receivedAt, acceptanceDueAt));
    }

    List<DomainEvent> cancel(String reason, String by, Instant now) {
        requireStatus("cancel", RequestStatus.PENDING_ACCEPTANCE, RequestStatus.REGISTERED, RequestStatus.DISPATCHED,
                RequestStatus.IN_PROGRESS);
        stopAcceptanceClock();
        stopFollowUps();
        status = RequestStatus.CANCELLED;
        cancelReason = reason;
        cancelledBy = by;
        closedAt = now;
        note(TimelineEntry.of(id + ":cancelled", "CANCELLED", now, by, reason));
        return List.of(new Cancelled(id, number, reason, by));
    }

    /** This request is a duplicate of {@code parent}; the parent carries the work from now on. */
    List<DomainEvent> mergeInto(ServiceRequest parent, String by, Instant now) {
        requireStatus("merge", RequestStatus.PENDING_ACCEPTANCE, RequestStatus.REGISTERED, RequestStatus.DISPATCHED,
                RequestStatus.IN_PROGRESS);
        stopAcceptanceClock();
        stopFollowUps();
        status = RequestStatus.MERGED;
        mergedInto = parent.id;
        closedAt = now;
        note(TimelineEntry.of(id + ":merged", "MERGED", now, by, null).withRelated(parent.id));
        Contact reporter = customer == null ? null : new Contact(customer.name(), customer.phone(), customer.type());
        return List.of(new Merged(id, number, parent.id, parent.number, reporter));
    }

    /** Takes in a merged duplicate's reporters; a second call for the same duplicate changes nothing. */
    void absorb(ServiceRequest duplicate, String by, Instant now) {
        if (duplicate.id.equals(id) || status.isFinal()) {
            throw ApiException.conflict("request-merge-not-allowed", duplicate.number, number);
        }
        if (reporters.stream().anyMatch(r -> r.requestId().equals(duplicate.id))) {
            return;
        }
        if (duplicate.customer != null) {
            reporters.add(new Reporter(duplicate.id, duplicate.number, duplicate.customer.name(),
                    duplicate.customer.phone(), duplicate.customer.type()));
        }
        duplicate.reporters.forEach(reporters::add);
        note(TimelineEntry.of(id + ":merged-in:" + duplicate.id, "DUPLICATE_MERGED_IN", now, by, duplicate.number)
                .withRelated(duplicate.id));
    }

    /** Records what another service reported; returns false when this event was recorded before. */
    boolean record(TimelineEntry entry) {
        if (timeline.stream().anyMatch(e -> e.id().equals(entry.id()))) {
            return false;
        }
        note(entry);
        return true;
    }

    /**
     * When a work order's change happened and how far the order was then: {@code rank} orders changes of the same
     * instant (assigned, accepted, completed, cancelled).
     */
    public record WorkOrderMark(String workOrderId, Instant at, int rank) {

        boolean isAfter(Instant otherAt, int otherRank) {
            return at != null && otherAt != null && (at.isAfter(otherAt) || (at.equals(otherAt) && rank > otherRank));
        }
    }

    /**
     * A work order changed: the request follows it (department, status) unless this change is older than one already
     * applied for the same work order, as when an old event is replayed after newer ones. Per work order, so the
     * request's progress only moves forward.
     *
     * @return false if the change was stale and changed nothing
     */
    boolean followWorkOrder(String workOrder, Instant at, int rank, String toDepartment, RequestStatus next) {
        String key = workOrder == null ? "" : workOrder;
        WorkOrderMark last = workOrderMarks.stream().filter(m -> m.workOrderId().equals(key)).findFirst().orElse(null);
        if (last != null && last.isAfter(at, rank)) {
            return false;
        }
        workOrderMarks.removeIf(m -> m.workOrderId().equals(key));
        workOrderMarks.add(new WorkOrderMark(key, at != null ? at : last == null ? null : last.at(), rank));
        if (workOrder != null) {
            workOrderId = workOrder;
        }
        if (toDepartment != null) {
            department = toDepartment;
        }
        if (next != null) {
            progressTo(next);
        }
        return true;
    }

    /** Progress reported by the department moves the request along, never out of a final state. */
    private void progressTo(RequestStatus next) {
        if (!status.isFinal() && status != RequestStatus.PENDING_ACCEPTANCE) {
            status = next;
        }
    }

    /** A satisfied callback closes the request: the matter is done (跟蹤回訪、直至合格為止, seed 000 §第四條). */
    List<DomainEvent> closeAfterSatisfiedCallback(Instant now) {
        if (status.isFinal() || status == RequestStatus.PENDING_ACCEPTANCE) {
            return List.of();
        }
        status = RequestStatus.CLOSED;
        closedAt = now;
        closeReason = CLOSED_AFTER_CALLBACK;
        note(TimelineEntry.of(id + ":closed", "CLOSED", now, null, CLOSED_AFTER_CALLBACK));
        return List.of(new Closed(id, number, now, CLOSED_AFTER_CALLBACK));
    }

    static final String ACCEPTANCE_TIMER = "intake.acceptance-limit";
    static final String FOLLOW_UP_TIMER = "intake.follow-up";

    static String acceptanceTimerId(String requestId) {
        return "acceptance:" + requestId;
    }

    private void stopAcceptanceClock() {
        if (status == RequestStatus.PENDING_ACCEPTANCE) {
            timerOutbox.add(PendingTimer.cancel(acceptanceTimerId(id)));
        }
    }

    private Registered registered() {
        return new Registered(id, number, channel, kind, category, description, location, customer, receivedAt, status,
                owner, priority, acceptedAt, possibleDuplicateOf, anonymous, major, List.copyOf(getRelatedDepartments()));
    }

    private void requireStatus(String action, RequestStatus... allowed) {
        for (RequestStatus s : allowed) {
            if (s == status) {
                return;
            }
        }
        throw ApiException.conflict("request-illegal-transition", number, status, action);
    }

    private void note(TimelineEntry entry) {
        timeline.add(entry);
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getNumber() { return number; }
    public Channel getChannel() { return channel; }
    public RequestKind getKind() { return kind; }
    public String getCategory() { return category; }
    public String getDescription() { return description; }
    public Location getLocation() { return location; }
    public Customer getCustomer() { return customer; }
    public boolean isAnonymous() { return anonymous; }
    public boolean isMajor() { return major; }
    public List<String> getRelatedDepartments() { return relatedDepartments == null ? List.of() : relatedDepartments; }
    public Priority getPriority() { return priority; }
    public String getAnswer() { return answer; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getAcceptanceStartsAt() { return acceptanceStartsAt; }
    public Instant getAcceptanceDueAt() { return acceptanceDueAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public boolean isAcceptanceOverdue() { return acceptanceOverdue; }
    public RequestStatus getStatus() { return status; }
    public Owner getOwner() { return owner; }
    public String getDepartment() { return department; }
    public String getWorkOrderId() { return workOrderId; }
    public String getPossibleDuplicateOf() { return possibleDuplicateOf; }
    public String getMergedInto() { return mergedInto; }
    public List<Reporter> getReporters() { return reporters; }
    public String getCancelReason() { return cancelReason; }
    public String getCancelledBy() { return cancelledBy; }
    public Instant getClosedAt() { return closedAt; }
    public String getCloseReason() { return closeReason; }
    public List<TimelineEntry> getTimeline() { return timeline; }
    public FollowUpClock getReplyClock() { return replyClock; }
    public Instant getAnsweredAt() { return answeredAt; }
    public String getAnsweredBy() { return answeredBy; }
    public FollowUps.AnswerReview getAnswerReview() { return answerReview; }
    public FollowUpClock getEvaluationClock() { return evaluationClock; }
    public FollowUps.Evaluation getEvaluation() { return evaluation; }

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

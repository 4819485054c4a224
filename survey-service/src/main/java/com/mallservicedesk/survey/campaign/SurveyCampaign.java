package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.platform.timer.PendingTimer;
import com.mallservicedesk.survey.directory.DirectoryEntry;
import com.mallservicedesk.survey.formula.Level;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

/**
 * A half-yearly customer satisfaction survey of one mall (顧客滿意度調查, seed 000 §顧客滿意度調查規程): the sampled
 * respondents of forms A and B, their returned forms, and its state. One campaign per mall and half-year (the id is
 * derived from both). It closes by hand or when the period ends (a durable timer stored with its creation).
 */
@Document("survey_campaigns")
@CompoundIndex(name = "mall_period", def = "{'mallId': 1, 'period': -1}")
public class SurveyCampaign implements OutboxCarrier {

    static final String CLOSE_TIMER = "survey-close";
    /**
     * The most respondents one form may have: every anchor store, up to 200 typical counters and up to 1,000 sampled
     * ones fit, and the campaign, its results and its evaluation stay a bounded size.
     */
    static final int MAX_RESPONDENTS = 1500;
    /** The most items a form has (40 may be given per form) and so the most answers a returned form holds. */
    static final int MAX_ITEMS = 40;

    enum Status { OPEN, CLOSED }

    @Id
    private String id;
    private String mallId;
    private String period;
    private String zone;
    private Instant startsAt;
    private Instant closesAt;
    private Status status;
    private int sampleSize;
    private List<String> typicalTenants = new ArrayList<>();
    /** The seed of the random sample of counters: the same directory and seed draw the same sample. */
    private long seed;
    private List<SurveyForm> forms = new ArrayList<>();
    private List<Response> responses = new ArrayList<>();
    private Instant openedAt;
    private String openedBy;
    private Instant closedAt;
    private String closedBy;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;
    private List<PendingTimer> timerOutbox = new ArrayList<>();

    SurveyCampaign() {
    }

    static String idFor(String mallId, SurveyPeriod period) {
        return "sv-" + mallId + "-" + period;
    }

    record Plan(SurveyPeriod period, ZoneId zone, int sampleSize, List<String> typicalTenants, List<String> departments,
                List<SurveyItem> formAItems, List<SurveyItem> formBItems, long seed) {
    }

    static Created<SurveyCampaign> open(String mallId, Plan plan, List<DirectoryEntry> stores, String by, Instant now) {
        var campaign = new SurveyCampaign();
        campaign.id = idFor(mallId, plan.period());
        campaign.mallId = mallId;
        campaign.period = plan.period().toString();
        campaign.zone = plan.zone().getId();
        campaign.startsAt = plan.period().firstDay().atStartOfDay(plan.zone()).toInstant();
        campaign.closesAt = plan.period().endExclusive().atStartOfDay(plan.zone()).toInstant();
        if (!campaign.closesAt.isAfter(now)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "survey-period-ended", campaign.period);
        }
        campaign.status = Status.OPEN;
        campaign.sampleSize = plan.sampleSize();
        campaign.typicalTenants = new ArrayList<>(plan.typicalTenants());
        campaign.seed = plan.seed();
        List<Respondent> formA = RespondentSample.formA(stores, plan.typicalTenants(), plan.sampleSize(), plan.seed());
        if (formA.size() > MAX_RESPONDENTS) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "survey-sample-too-large", formA.size(),
                    MAX_RESPONDENTS);
        }
        campaign.forms.add(new SurveyForm(SurveyForm.A, "物业管理服务问卷调查表A", plan.formAItems(), formA));
        campaign.forms.add(new SurveyForm(SurveyForm.B, "物业管理服务问卷调查表B", plan.formBItems(),
                RespondentSample.formB(plan.departments())));
        campaign.openedAt = now;
        campaign.openedBy = by;
        campaign.timerOutbox.add(PendingTimer.schedule(closeTimerId(campaign.id), CLOSE_TIMER, campaign.id,
                campaign.closesAt, Map.of()));
        return Created.of(campaign, new CampaignEvents.Opened(campaign.id, campaign.period, campaign.closesAt,
                campaign.forms.get(0).respondents().size(), campaign.forms.get(1).respondents().size(), by));
    }

    static String closeTimerId(String campaignId) {
        return CLOSE_TIMER + ":" + campaignId;
    }

    /**
     * Records a returned form. Only sampled respondents answer, each once, while the campaign is open; every answered
     * item must be one of the respondent's form.
     */
    List<DomainEvent> respond(String respondentId, Map<String, Level> answers, String comment, String by, Instant now) {
        if (status != Status.OPEN) {
            throw ApiException.conflict("survey-closed", id);
        }
        SurveyForm form = forms.stream().filter(f -> f.hasRespondent(respondentId)).findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "survey-respondent-not-sampled",
                        respondentId, id));
        if (responses.stream().anyMatch(r -> r.respondentId().equals(respondentId))) {
            throw ApiException.conflict("survey-already-answered", respondentId, id);
        }
        if (answers == null || answers.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "survey-answers-missing", respondentId);
        }
        for (var answer : answers.entrySet()) {
            if (!form.hasItem(answer.getKey()) || answer.getValue() == null) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "survey-item-unknown", answer.getKey(),
                        form.code());
            }
        }
        responses.add(new Response(respondentId, form.code(), Map.copyOf(answers), comment, now, by));
        return List.of();
    }

    /** Closes once, by hand ({@code by} set, the timer is cancelled) or when the period ends; computes the results. */
    List<DomainEvent> close(String by, Instant now) {
        if (status == Status.CLOSED) {
            return List.of();
        }
        status = Status.CLOSED;
        closedAt = now;
        closedBy = by;
        if (by != null) {
            timerOutbox.add(PendingTimer.cancel(closeTimerId(id)));
        }
        SurveyResults results = results();
        List<String> below = new ArrayList<>();
        for (SurveyForm form : forms) {
            results.itemsBelowTarget(form.code()).forEach(item -> below.add(form.code() + "." + item.code()));
        }
        return List.of(new CampaignEvents.Closed(id, period, results.sampled(), results.responded(), results.overall(),
                results.forms().get(0).satisfaction(), results.forms().get(1).satisfaction(), below, now, by));
    }

    SurveyResults results() {
        return SurveyResults.of(id, period, status.name(), forms, responses);
    }

    boolean closed() {
        return status == Status.CLOSED;
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getPeriod() { return period; }
    public String getZone() { return zone; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getClosesAt() { return closesAt; }
    public Status getStatus() { return status; }
    public int getSampleSize() { return sampleSize; }
    public List<String> getTypicalTenants() { return typicalTenants; }
    public long getSeed() { return seed; }
    public List<SurveyForm> getForms() { return forms; }
    public List<Response> getResponses() { return responses; }
    public Instant getOpenedAt() { return openedAt; }
    public String getOpenedBy() { return openedBy; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }

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

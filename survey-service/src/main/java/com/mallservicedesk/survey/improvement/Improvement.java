package com.mallservicedesk.survey.improvement;

import com.mallservicedesk.platform.events.DomainEvent;
import com.mallservicedesk.platform.events.PendingEvent;
import com.mallservicedesk.platform.outbox.OutboxCarrier;
import com.mallservicedesk.platform.outbox.RelayState;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.store.Created;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

/**
 * An improvement action for one survey item below the target, owned by the responsible department (seed 000
 * §顧客滿意度調查規程 3.2, 4.5.4), with the property manager's improvement plan (3.3). One per survey, form and item.
 */
@Document("improvements")
@CompoundIndexes({
        @CompoundIndex(name = "mall_survey", def = "{'mallId': 1, 'surveyId': 1}"),
        @CompoundIndex(name = "mall_opened", def = "{'mallId': 1, 'openedAt': -1}")
})
public class Improvement implements OutboxCarrier {

    @Id
    private String id;
    private String mallId;
    private String surveyId;
    private String period;
    private String form;
    private String itemCode;
    private String itemTitle;
    private String department;
    private Double satisfaction;
    private Double target;
    /** The department until the manager names a person. */
    private String owner;
    private LocalDate dueOn;
    private ImprovementStatus status;
    private String plan;
    private Instant openedAt;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();
    private RelayState relay;

    Improvement() {
    }

    static String idFor(String surveyId, String form, String itemCode) {
        return "imp-" + surveyId + "-" + form + "-" + itemCode;
    }

    static Created<Improvement> open(String mallId, ItemBelowTarget item, LocalDate dueOn, Instant now) {
        var action = new Improvement();
        action.id = idFor(item.surveyId(), item.form(), item.itemCode());
        action.mallId = mallId;
        action.surveyId = item.surveyId();
        action.period = item.period();
        action.form = item.form();
        action.itemCode = item.itemCode();
        action.itemTitle = item.itemTitle();
        action.department = item.department();
        action.satisfaction = item.satisfaction();
        action.target = item.target();
        action.owner = item.department();
        action.dueOn = dueOn;
        action.status = ImprovementStatus.OPEN;
        action.openedAt = now;
        return Created.of(action, new ImprovementEvents.Opened(action.id, action.surveyId, action.period, action.form,
                action.itemCode, action.itemTitle, action.department, action.satisfaction, action.target, action.owner,
                action.dueOn, action.status, now));
    }

    /**
     * Records the plan and changes owner, due date or status; fields left null stay as they are. A plan moves an open
     * action to PLANNED; work cannot start or finish without a plan; a finished action is final.
     */
    List<DomainEvent> update(String newPlan, String newOwner, LocalDate newDueOn, ImprovementStatus newStatus, String by,
                             Instant now) {
        if (status == ImprovementStatus.DONE) {
            throw ApiException.conflict("improvement-done", id);
        }
        if (newPlan != null && !newPlan.isBlank()) {
            plan = newPlan.strip();
            if (status == ImprovementStatus.OPEN) {
                status = ImprovementStatus.PLANNED;
            }
        }
        if (newStatus != null) {
            if (newStatus != ImprovementStatus.OPEN && plan == null) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "improvement-plan-required", id);
            }
            status = newStatus;
        }
        if (newOwner != null && !newOwner.isBlank()) {
            owner = newOwner.strip();
        }
        if (newDueOn != null) {
            dueOn = newDueOn;
        }
        updatedAt = now;
        updatedBy = by;
        return List.of(new ImprovementEvents.Updated(id, surveyId, department, owner, dueOn, status, plan, by, now));
    }

    public String getId() { return id; }
    public String getMallId() { return mallId; }
    public String getSurveyId() { return surveyId; }
    public String getPeriod() { return period; }
    public String getForm() { return form; }
    public String getItemCode() { return itemCode; }
    public String getItemTitle() { return itemTitle; }
    public String getDepartment() { return department; }
    public Double getSatisfaction() { return satisfaction; }
    public Double getTarget() { return target; }
    public String getOwner() { return owner; }
    public LocalDate getDueOn() { return dueOn; }
    public ImprovementStatus getStatus() { return status; }
    public String getPlan() { return plan; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }

    @Override
    public RelayState getRelay() {
        return relay;
    }

    @Override
    public List<PendingEvent> getOutbox() {
        return outbox;
    }
}

package com.mallservicedesk.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The events of intake, dispatch, callback and claims for one mall, shaped field for field like the producers' own
 * records (intake TenantEvents and RequestEvents, dispatch WorkOrderEvents, callback CallbackEvents and its statistics
 * event, claims ClaimOpened and the archived event), sent as CloudEvents to the real topics.
 */
public final class SurveyEvents {

    private final SurveyIntegrationTest test;
    private final String mall;

    SurveyEvents(SurveyIntegrationTest test, String mall) {
        this.test = test;
        this.mall = mall;
    }

    public void tenant(String tenantId, String name, String kind, boolean active) {
        test.send("intake.tenants.v1", "mall.intake.tenant.registered.v1", mall, tenantId, tenantId,
                SurveyIntegrationTest.map("tenantId", tenantId, "name", name, "kind", kind, "floor", "1F", "zone", "A",
                        "unit", "A-" + tenantId, "active", active));
    }

    public void tenantUpdated(String tenantId, String name, String kind, boolean active) {
        test.send("intake.tenants.v1", "mall.intake.tenant.updated.v1", mall, tenantId, tenantId,
                SurveyIntegrationTest.map("tenantId", tenantId, "name", name, "kind", kind, "floor", "1F", "zone", "A",
                        "unit", "A-" + tenantId, "active", active));
    }

    /** Registers a request as intake does and returns its id. */
    public String request(String kind, String channel, String receivedAt) {
        String requestId = UUID.randomUUID().toString();
        test.send("intake.requests.v1", "mall.intake.request.registered.v1", mall, requestId, requestId,
                SurveyIntegrationTest.map("requestId", requestId, "number", mall + "-20261015-0001", "channel", channel,
                        "kind", kind, "category", null, "description", "三楼洗手间水龙头漏水",
                        "location", Map.of("floor", "3F", "zone", "B"),
                        "customer", Map.of("name", "王小姐", "phone", "13800000000", "type", "SHOPPER"),
                        "receivedAt", receivedAt, "status", "REGISTERED",
                        "owner", Map.of("id", "desk", "name", "Desk"), "priority", "NORMAL", "acceptedAt", null,
                        "possibleDuplicateOf", null));
        return requestId;
    }

    /** Intake's mall settings (contract C1) on {@code intake.malls.v1}: this revision sets the mall's time zone. */
    public com.mallservicedesk.platform.events.PendingEvent mallSettings(long revision, String zone) {
        return test.send("intake.malls.v1", "mall.intake.mall-settings.changed.v1", mall, mall, mall,
                SurveyIntegrationTest.map("mallId", mall, "revision", revision, "timeZone", zone, "siteKind", "MALL",
                        "deskHours", Map.of("zone", zone, "alwaysOpen", true), "changedAt", Instant.now().toString()));
    }

    /** A complaint's register concluded (contract C6), on time or not. */
    public com.mallservicedesk.platform.events.PendingEvent complaintConcluded(String requestId, String concludedAt,
                                                                              boolean onTime) {
        return test.send("intake.requests.v1", "mall.intake.complaint.concluded.v1", mall, requestId, requestId,
                SurveyIntegrationTest.map("requestId", requestId, "number", mall + "-20261015-0003",
                        "receivedAt", "2026-10-01T02:00:00Z", "handedOverAt", "2026-10-01T02:10:00Z",
                        "reviewedAt", "2026-10-02T02:00:00Z", "feedbackAt", "2026-10-03T02:00:00Z",
                        "concludedAt", concludedAt, "onTime", onTime, "conclusion", "已向顾客说明并致歉"));
    }

    /** A consultation's reply checked (contract C6), correct or not. */
    public com.mallservicedesk.platform.events.PendingEvent consultationReviewed(String requestId, String reviewedAt,
                                                                                boolean correct) {
        return test.send("intake.requests.v1", "mall.intake.consultation.reviewed.v1", mall, requestId, requestId,
                SurveyIntegrationTest.map("requestId", requestId, "number", mall + "-20261015-0004",
                        "answeredAt", "2026-10-01T02:00:00Z", "correct", correct, "reviewedBy", "supervisor",
                        "reviewedAt", reviewedAt));
    }

    public void closed(String requestId, String reason, String closedAt) {
        test.send("intake.requests.v1", "mall.intake.request.closed.v1", mall, requestId, requestId,
                SurveyIntegrationTest.map("requestId", requestId, "number", "n", "closedAt", closedAt, "reason", reason));
    }

    public void cancelled(String requestId) {
        test.send("intake.requests.v1", "mall.intake.request.cancelled.v1", mall, requestId, requestId,
                SurveyIntegrationTest.map("requestId", requestId, "number", "n", "reason", "顾客撤回", "cancelledBy", "desk"));
    }

    public void workOrderCreated(String requestId, String kind, String department, String at) {
        workOrder(requestId, "created", SurveyIntegrationTest.map("workOrderId", "wo-" + requestId, "requestId",
                requestId, "requestNumber", "n", "kind", kind, "department", department, "orderedAt", at,
                "status", "ASSIGNED", "priority", "NORMAL", "occurredAt", at));
    }

    public void breached(String requestId, String department, String rule, String at) {
        workOrder(requestId, "sla-breached", SurveyIntegrationTest.map("workOrderId", "wo-" + requestId, "requestId",
                requestId, "requestNumber", "n", "department", department, "status", "ASSIGNED", "occurredAt", at,
                "rule", rule, "deadline", at, "round", 1));
        workOrder(requestId, "escalated", SurveyIntegrationTest.map("workOrderId", "wo-" + requestId, "requestId",
                requestId, "requestNumber", "n", "department", department, "status", "ASSIGNED", "occurredAt", at,
                "level", 1, "toRole", "DEPARTMENT_HEAD", "reason", "service level " + rule + " breached", "rule", rule,
                "by", null));
    }

    public void completed(String requestId, String kind, String department, String orderedAt, Duration workTime) {
        String completedAt = Instant.parse(orderedAt).plus(workTime).toString();
        workOrder(requestId, "completed", SurveyIntegrationTest.map("workOrderId", "wo-" + requestId, "requestId",
                requestId, "requestNumber", "n", "kind", kind, "department", department, "summary", "已修复",
                "orderedAt", orderedAt, "completedAt", completedAt, "workTime", workTime.toString(),
                "customer", Map.of("name", "王小姐", "phone", "13800000000"), "status", "COMPLETED",
                "occurredAt", completedAt, "round", 1, "roundWorkTime", workTime.toString(), "by", "staff"));
    }

    public void reopened(String requestId, String department, String at) {
        workOrder(requestId, "reopened", SurveyIntegrationTest.map("workOrderId", "wo-" + requestId, "requestId",
                requestId, "requestNumber", "n", "department", department, "status", "ASSIGNED", "occurredAt", at,
                "reason", "顾客不满意", "round", 2, "callbackId", "cb-" + requestId));
    }

    private void workOrder(String requestId, String event, Map<String, Object> data) {
        test.send("dispatch.work-orders.v1", "mall.dispatch.work-order." + event + ".v1", mall, "wo-" + requestId,
                requestId, data);
    }

    /** callback-service's completed callback: all three answers, satisfied when all three are. */
    public void callbackAnswered(String requestId, String department, String timeliness, String attitude, String quality,
                                 String completedAt) {
        String callbackId = "cb-" + UUID.randomUUID();
        boolean satisfied = !timeliness.contains("DISSATISFIED") && !attitude.contains("DISSATISFIED")
                && !quality.contains("DISSATISFIED");
        test.send("callback.callbacks.v1", "mall.callback.callback.completed.v1", mall, callbackId, requestId,
                SurveyIntegrationTest.map("callbackId", callbackId, "requestId", requestId, "workOrderId", "wo-" + requestId,
                        "kind", "REPAIR", "department", department, "method", "PHONE", "timeliness", timeliness,
                        "attitude", attitude, "quality", quality, "satisfied", satisfied, "completedAt", completedAt));
    }

    /** callback-service's statistics of a month for the whole mall ({@code department} null) or a department. */
    public void callbackStats(String month, String department, long needing, long done, Double callbackRate,
                              Double satisfactionRate) {
        callbackStatsAt(Instant.now(), month, department, needing, done, callbackRate, satisfactionRate);
    }

    public void callbackStatsAt(Instant eventTime, String month, String department, long needing, long done,
                                Double callbackRate, Double satisfactionRate) {
        test.sendAt(eventTime, "callback.callbacks.v1", "mall.callback.stats.updated.v1", mall, mall + "|" + month, mall + "|" + month,
                SurveyIntegrationTest.map("mallId", mall, "month", month, "department", department,
                        "completionsNeedingCallback", needing, "callbacksDone", done, "callbacksOnTime", done,
                        "callbackRate", callbackRate, "satisfied", done, "satisfactionRate", satisfactionRate,
                        "timelinessRate", 1.0, "attitudeRate", 1.0, "qualityRate", satisfactionRate, "unreachable", 0,
                        "targets", Map.of("callbackRate", 0.95, "satisfactionRate", 0.9),
                        "callbackRateMet", callbackRate != null && callbackRate >= 0.95,
                        "satisfactionRateMet", satisfactionRate != null && satisfactionRate >= 0.9));
    }

    public String claimOpened(String requestId, String occurredAt) {
        String claimId = "cl-" + requestId;
        test.send("claims.claims.v1", "mall.claims.claim.opened.v1", mall, claimId, requestId,
                SurveyIntegrationTest.map("claimId", claimId, "requestId", requestId, "requestNumber", "n",
                        "occurredAt", occurredAt, "location", Map.of("floor", "1F")));
        return claimId;
    }

    public void claimArchived(String claimId, String requestId, String outcome, String archivedAt) {
        test.send("claims.claims.v1", "mall.claims.claim.archived.v1", mall, claimId, requestId,
                SurveyIntegrationTest.map("claimId", claimId, "requestId", requestId, "outcome", outcome,
                        "archivedAt", archivedAt));
    }
}

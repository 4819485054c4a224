package com.mallservicedesk.dispatch.workorder;

import java.time.Instant;

/** Work orders in the states the rules care about, built the way production builds them (from a registered request). */
final class WorkOrderMother {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private String mallId = "M001";
    private String kind = "REPAIR";
    private String department = "ENGINEERING";

    static WorkOrderMother aRepair() {
        return new WorkOrderMother();
    }

    WorkOrderMother ofKind(String kind) {
        this.kind = kind;
        return this;
    }

    WorkOrderMother unassigned() {
        this.department = null;
        return this;
    }

    WorkOrder opened() {
        var request = new RegisteredRequest("req-1", mallId + "-20261123-0001", "PHONE", kind, null, "三樓洗手間漏水",
                new RegisteredRequest.Location("3F", "B", null), new RegisteredRequest.Contact("王小姐", "13800000000"),
                T0, "REGISTERED", "NORMAL", T0);
        return WorkOrder.open(mallId, request, department, T0).aggregate();
    }

    WorkOrder completed() {
        WorkOrder order = opened();
        order.accept("staff-1", T0.plusSeconds(60));
        order.contact("staff-1", T0.plusSeconds(120));
        order.complete("已更換水龍頭", "staff-1", T0.plusSeconds(3600));
        return order;
    }
}

package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.intake.complaint.ComplaintData.CompletedWorkOrder;
import com.mallservicedesk.platform.inbox.EventHandlers;
import org.springframework.stereotype.Component;

/**
 * What the complaint register takes from dispatch's work orders: the completed order of a complaint records the
 * department's investigation. Intake reads that topic in one listener (the request timeline's), which hands each
 * record to these handlers too; they keep their own processed-event records.
 */
@Component
public class ComplaintWorkOrders {

    private final EventHandlers handlers;

    ComplaintWorkOrders(ComplaintRegisters registers) {
        this.handlers = EventHandlers.forConsumer("intake.complaints.work-orders")
                .on("mall.dispatch.work-order.completed.v1", CompletedWorkOrder.class, registers::onWorkOrderCompleted);
    }

    public EventHandlers handlers() {
        return handlers;
    }
}

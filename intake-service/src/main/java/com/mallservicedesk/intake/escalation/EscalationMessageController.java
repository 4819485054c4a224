package com.mallservicedesk.intake.escalation;

import com.mallservicedesk.intake.notice.DeliveryState;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.QueryParameters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** How the escalation messages of a mall were delivered (seed 000 §3.1, §4.7), for those who follow escalations. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/escalation-messages")
class EscalationMessageController {

    private final EscalationMessages messages;

    EscalationMessageController(EscalationMessages messages) {
        this.messages = messages;
    }

    /** Newest escalation first; {@code state} and {@code workOrderId} narrow it. */
    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<PageView<EscalationMessageView>> list(@PathVariable String mallId, PlatformUser user,
                                               @RequestParam(required = false) DeliveryState state,
                                               @RequestParam(required = false) String workOrderId,
                                               @RequestParam(defaultValue = "0") String page,
                                               @RequestParam(defaultValue = "50") String size) {
        FieldErrors errors = new FieldErrors();
        ListQuery list = ListQuery.of(page, size, errors);
        QueryParameters.text(errors, "workOrderId", workOrderId, 100);
        errors.throwIfAny();
        return messages.page(mallId, state, workOrderId, list)
                .map(p -> list.page(p.items().stream().map(m -> EscalationMessageView.of(m, user)).toList(), p.total()));
    }
}

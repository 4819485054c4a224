package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The complaint register (投訴處理登記表) of a COMPLAINT request, and the supervisor's list of open ones. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}")
class ComplaintController {

    private static final String REGISTER = "/requests/{requestId}/complaint";

    private final ComplaintRegisters registers;

    ComplaintController(ComplaintRegisters registers) {
        this.registers = registers;
    }

    @GetMapping(REGISTER)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<ComplaintView> get(@PathVariable String mallId, @PathVariable String requestId) {
        return registers.find(mallId, requestId).map(ComplaintView::of);
    }

    /** The front desk passed the complaint to the CS supervisor (seed 003 §2). */
    @PostMapping(REGISTER + "/handover")
    @PreAuthorize("hasRole('FRONT_DESK')")
    Mono<ComplaintView> handOver(@PathVariable String mallId, @PathVariable String requestId, PlatformUser user,
                                 @Valid @RequestBody(required = false) ComplaintBodies.Handover body) {
        return registers.handOver(mallId, requestId, body == null ? null : body.note(), user).map(ComplaintView::of);
    }

    /** The department's findings as it reported them, when its work order did not bring them (seed 003 §2). */
    @PostMapping(REGISTER + "/investigation")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<ComplaintView> investigation(@PathVariable String mallId, @PathVariable String requestId, PlatformUser user,
                                      @Valid @RequestBody ComplaintBodies.Investigation body) {
        return registers.recordInvestigation(mallId, requestId, body, user).map(ComplaintView::of);
    }

    /** The supervisor reviewed the result; the customer may now be answered (seed 003 §2). */
    @PostMapping(REGISTER + "/review")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<ComplaintView> review(@PathVariable String mallId, @PathVariable String requestId, PlatformUser user,
                               @Valid @RequestBody(required = false) ComplaintBodies.Review body) {
        return registers.review(mallId, requestId, body == null ? null : body.note(), user).map(ComplaintView::of);
    }

    /** The front desk told the customer the reviewed result (seed 004 品質監控, seed 000 §4.3.4). */
    @PostMapping(REGISTER + "/feedback")
    @PreAuthorize("hasRole('FRONT_DESK')")
    Mono<ComplaintView> feedback(@PathVariable String mallId, @PathVariable String requestId, PlatformUser user,
                                 @Valid @RequestBody ComplaintBodies.Feedback body) {
        return registers.recordFeedback(mallId, requestId, body, user).map(ComplaintView::of);
    }

    /** The conclusion, reported to the supervisor and filed (seed 000 §4.3.6): the register closes. */
    @PostMapping(REGISTER + "/conclusion")
    @PreAuthorize("hasRole('FRONT_DESK')")
    Mono<ComplaintView> conclude(@PathVariable String mallId, @PathVariable String requestId, PlatformUser user,
                                 @Valid @RequestBody ComplaintBodies.Conclusion body) {
        return registers.conclude(mallId, requestId, body.conclusion(), user).map(ComplaintView::of);
    }

    /** Open registers, oldest complaint first: what the supervisor still follows. */
    @GetMapping("/complaints")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<PageView<ComplaintView>> open(@PathVariable String mallId,
                                       @RequestParam(defaultValue = "0") String page,
                                       @RequestParam(defaultValue = "50") String size) {
        ListQuery list = ListQuery.of(page, size);
        return registers.open(mallId, list)
                .map(found -> list.page(found.items().stream().map(ComplaintView::of).toList(), found.total()));
    }
}

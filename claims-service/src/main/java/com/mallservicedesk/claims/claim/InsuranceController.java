package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The report to the insurer and the advances of treatment costs. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/claims/{id}")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class InsuranceController {

    private final InsurerReports reports;
    private final Claims claims;
    private final IdempotentRequests idempotency;

    InsuranceController(InsurerReports reports, Claims claims, IdempotentRequests idempotency) {
        this.reports = reports;
        this.claims = claims;
        this.idempotency = idempotency;
    }

    /**
     * Checks the report (422 with the missing fields) and sends it; the answer shows the delivery: DELIVERED with the
     * insurer's reference, or FAILED with the next attempt while the insurer is down.
     */
    @PostMapping("/insurer-report")
    Mono<ClaimView> report(@PathVariable String mallId, @PathVariable String id, PlatformUser user) {
        return reports.request(mallId, id, user).map(c -> ClaimView.of(c, user));
    }

    @PostMapping("/insurer-report/phone")
    Mono<ClaimView> phone(@PathVariable String mallId, @PathVariable String id,
                          @Valid @RequestBody ClaimCommands.PhoneReport body, PlatformUser user) {
        return reports.recordPhoneReport(mallId, id, body.calledAt(), body.insurerReference(), body.note(), user)
                .map(c -> ClaimView.of(c, user));
    }

    /**
     * Pays an advance within the mall's cap (201). Above it the advance is kept waiting for the property manager and the
     * answer is 422 {@code advance-over-cap} with its {@code advanceId}.
     */
    @PostMapping("/advances")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Advance> advance(@PathVariable String mallId, @PathVariable String id,
                          @Valid @RequestBody ClaimCommands.RequestAdvance body, PlatformUser user,
                          @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "advances-" + id, key, body, Advance.class,
                () -> claims.requestAdvance(mallId, id, body.amountCny(), body.purpose(), body.paidTo(), user))
                .flatMap(advance -> advance.status() != Advance.Status.AWAITING_APPROVAL ? Mono.just(advance)
                        : claims.find(mallId, id).flatMap(claim -> Mono.error(new ApiException(
                                HttpStatus.UNPROCESSABLE_CONTENT, "advance-over-cap",
                                Map.of("advanceId", advance.id(), "amountCny", advance.amountCny().toPlainString(),
                                        "totalAdvancedCny", claim.totalAdvanced().toPlainString()),
                                advance.amountCny().toPlainString(), claim.totalAdvanced().toPlainString()))));
    }

    /** The property manager approves an advance above the cap, with a reason. */
    @PostMapping("/advances/{advanceId}/approve")
    @PreAuthorize("hasRole('MANAGER')")
    Mono<Advance> approve(@PathVariable String mallId, @PathVariable String id, @PathVariable String advanceId,
                          @Valid @RequestBody ClaimCommands.ApproveAdvance body, PlatformUser user) {
        return claims.approveAdvance(mallId, id, advanceId, body.reason(), user).map(c -> c.advance(advanceId));
    }
}

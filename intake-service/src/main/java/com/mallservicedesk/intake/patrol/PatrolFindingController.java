package com.mallservicedesk.intake.patrol;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Patrol findings (巡檢發現, seed 002): recorded by the supervisor, rectified by the responsible department. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/patrol-findings")
class PatrolFindingController {

    private final PatrolFindings findings;
    private final IdempotentRequests idempotency;

    PatrolFindingController(PatrolFindings findings, IdempotentRequests idempotency) {
        this.findings = findings;
        this.idempotency = idempotency;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<PatrolFindingView> record(@PathVariable String mallId, @Valid @RequestBody RecordFinding body,
                                   PlatformUser user,
                                   @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "patrol-findings", key, body, PatrolFindingView.class,
                () -> findings.record(mallId, body, user).map(PatrolFindingView::of));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PatrolFindingView> get(@PathVariable String mallId, @PathVariable String id) {
        return findings.find(mallId, id).map(PatrolFindingView::of);
    }

    /** Open and overdue findings first, earliest deadline first; {@code status} and {@code department} narrow it. */
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PageView<PatrolFindingView>> list(@PathVariable String mallId,
                                           @RequestParam(required = false) FindingStatus status,
                                           @RequestParam(required = false) String department,
                                           @RequestParam(defaultValue = "0") String page,
                                           @RequestParam(defaultValue = "50") String size) {
        FieldErrors errors = new FieldErrors();
        ListQuery list = ListQuery.of(page, size, errors);
        if (department != null && !department.matches(PatrolFinding.DEPARTMENT_CODE)) {
            errors.add("department", "Pattern");
        }
        errors.throwIfAny();
        return findings.page(mallId, status, department, list)
                .map(p -> list.page(p.items().stream().map(PatrolFindingView::of).toList(), p.total()));
    }

    @PostMapping("/{id}/progress")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PatrolFindingView> progress(@PathVariable String mallId, @PathVariable String id,
                                     @Valid @RequestBody FindingNote body, PlatformUser user) {
        return findings.noteProgress(mallId, id, body.note(), user).map(PatrolFindingView::of);
    }

    @PostMapping("/{id}/rectification")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PatrolFindingView> rectify(@PathVariable String mallId, @PathVariable String id,
                                    @Valid @RequestBody FindingNote body, PlatformUser user) {
        return findings.rectify(mallId, id, body.note(), user).map(PatrolFindingView::of);
    }
}

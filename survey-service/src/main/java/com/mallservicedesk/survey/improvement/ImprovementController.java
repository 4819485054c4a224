package com.mallservicedesk.survey.improvement;

import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Improvement actions from surveys: the responsible department's to-do, the manager's plan. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/improvements")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
class ImprovementController {

    private final Improvements improvements;

    ImprovementController(Improvements improvements) {
        this.improvements = improvements;
    }

    @GetMapping
    Mono<List<ImprovementView>> list(@PathVariable String mallId,
                                     @RequestParam(required = false) ImprovementStatus status) {
        return improvements.ofMall(mallId, status).collectList();
    }

    @GetMapping("/{id}")
    Mono<ImprovementView> get(@PathVariable String mallId, @PathVariable String id) {
        return improvements.find(mallId, id);
    }

    /** The property manager records the improvement plan (seed 000 §顧客滿意度調查規程 3.3); supervisors follow it up. */
    @PutMapping("/{id}")
    Mono<ImprovementView> update(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody Change change,
                                 PlatformUser user) {
        return improvements.update(mallId, id, change, user.id());
    }

    /** Every field is optional: only what is given changes. */
    record Change(@Size(max = 4000) String plan, @Size(max = 100) String owner, LocalDate dueOn,
                  ImprovementStatus status) {
    }
}

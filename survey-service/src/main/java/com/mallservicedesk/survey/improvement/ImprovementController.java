package com.mallservicedesk.survey.improvement;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.PlausibleTime;
import com.mallservicedesk.platform.web.SortFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
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

    /** Newest first unless asked otherwise. */
    private static final SortFields SORTS = SortFields.by("openedAt", "dueOn").byDefault("openedAt,desc");

    private final Improvements improvements;

    ImprovementController(Improvements improvements) {
        this.improvements = improvements;
    }

    /**
     * The mall's improvement actions, newest first ({@code sort=openedAt,desc}) or by due day ({@code sort=dueOn}),
     * optionally of one status, a page at a time.
     */
    @GetMapping
    Mono<PageView<ImprovementView>> list(@PathVariable String mallId,
                                         @RequestParam(required = false) ImprovementStatus status,
                                         @RequestParam(defaultValue = "0") String page,
                                         @RequestParam(defaultValue = "50") String size,
                                         @RequestParam(required = false) String sort) {
        return improvements.ofMall(mallId, status, ListQuery.of(page, size, sort, SORTS));
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
    record Change(@Size(max = 4000) String plan, @Size(max = 100) String owner, @PlausibleTime LocalDate dueOn,
                  ImprovementStatus status) {
    }
}

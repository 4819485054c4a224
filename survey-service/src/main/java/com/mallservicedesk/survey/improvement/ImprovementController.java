package com.mallservicedesk.survey.improvement;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.survey.web.PageView;
import com.mallservicedesk.survey.web.Paging;
import com.mallservicedesk.survey.web.PlausibleDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
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

    private static final List<Paging.SortField> SORTS = List.of(new Paging.SortField("openedAt", "openedAt"),
            new Paging.SortField("dueOn", "dueOn"));

    private final Improvements improvements;

    ImprovementController(Improvements improvements) {
        this.improvements = improvements;
    }

    /**
     * The mall's improvement actions, newest first ({@code sort=-openedAt}) or by due day ({@code sort=dueOn}),
     * optionally of one status, a page at a time.
     */
    @GetMapping
    Mono<PageView<ImprovementView>> list(@PathVariable String mallId,
                                         @RequestParam(required = false) ImprovementStatus status,
                                         @RequestParam(required = false) String page,
                                         @RequestParam(required = false) String size,
                                         @RequestParam(required = false) String sort) {
        Paging paging = Paging.of(page, size, sort, Paging.DEFAULT_SIZE, SORTS,
                Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("_id")));
        return improvements.ofMall(mallId, status, paging);
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
    record Change(@Size(max = 4000) String plan, @Size(max = 100) String owner, @PlausibleDate LocalDate dueOn,
                  ImprovementStatus status) {
    }
}

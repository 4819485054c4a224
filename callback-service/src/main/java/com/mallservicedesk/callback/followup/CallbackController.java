package com.mallservicedesk.callback.followup;

import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/callbacks")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
class CallbackController {

    private final Callbacks callbacks;
    private final CallbackRepository repository;

    CallbackController(Callbacks callbacks, CallbackRepository repository) {
        this.callbacks = callbacks;
        this.repository = repository;
    }

    @GetMapping
    Flux<CallbackView> list(@PathVariable String mallId) {
        return repository.findByMallId(mallId, Sort.by("dueAt")).map(CallbackView::of);
    }

    @GetMapping("/{id}")
    Mono<CallbackView> get(@PathVariable String mallId, @PathVariable String id) {
        return callbacks.find(mallId, id).map(CallbackView::of);
    }

    @PostMapping("/{id}/result")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<CallbackView> record(@PathVariable String mallId, @PathVariable String id, @Valid @RequestBody CallbackResult body,
                              PlatformUser user) {
        return callbacks.record(mallId, id, body, user).map(CallbackView::of);
    }
}

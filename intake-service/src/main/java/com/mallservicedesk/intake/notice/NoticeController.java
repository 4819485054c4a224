package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/notices")
class NoticeController {

    private final NoticeBoard board;
    private final NoticeDeliveries deliveries;
    private final IdempotentRequests idempotency;

    NoticeController(NoticeBoard board, NoticeDeliveries deliveries, IdempotentRequests idempotency) {
        this.board = board;
        this.deliveries = deliveries;
        this.idempotency = idempotency;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<NoticeView> publish(@PathVariable String mallId, @Valid @RequestBody PublishNotice body, PlatformUser user,
                             @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "notices", key, body, NoticeView.class,
                () -> board.publish(mallId, body, user).flatMap(this::view));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<NoticeView> get(@PathVariable String mallId, @PathVariable String id) {
        return board.find(mallId, id).flatMap(this::view);
    }

    /** The latest 100 notices of the mall, newest first. */
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<List<NoticeView>> list(@PathVariable String mallId) {
        return board.recent(mallId, 100).concatMap(this::view).collectList();
    }

    /** The gateway (or the front desk, told by the store) confirms that the store got the notice. */
    @PostMapping("/{id}/deliveries/{deliveryId}/ack")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'PLATFORM_ADMIN')")
    Mono<NoticeView.DeliveryView> acknowledge(@PathVariable String mallId, @PathVariable String id,
                                              @PathVariable String deliveryId) {
        return board.find(mallId, id)
                .then(deliveries.acknowledge(mallId, id, deliveryId))
                .map(NoticeView.DeliveryView::of);
    }

    private Mono<NoticeView> view(Notice notice) {
        return deliveries.of(notice.getMallId(), notice.getId()).collectList().map(list -> NoticeView.of(notice, list));
    }
}

package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/notices")
class NoticeController {

    private final NoticeBoard board;
    private final NoticeDeliveries deliveries;
    private final DeliveryCounts counts;
    private final IdempotentRequests idempotency;

    NoticeController(NoticeBoard board, NoticeDeliveries deliveries, DeliveryCounts counts,
                     IdempotentRequests idempotency) {
        this.board = board;
        this.deliveries = deliveries;
        this.counts = counts;
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

    /** The mall's notices, newest first, each with its delivery counts. */
    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PageView<NoticeView>> list(@PathVariable String mallId, @RequestParam(defaultValue = "0") String page,
                                    @RequestParam(defaultValue = "50") String size) {
        ListQuery list = ListQuery.of(page, size);
        return board.page(mallId, list).flatMap(found -> counts.of(found.items()).map(byNotice -> list.page(
                found.items().stream().map(n -> NoticeView.of(n, byNotice.getOrDefault(n.getId(), DeliveryCounts.none())))
                        .toList(), found.total())));
    }

    /** One notice's deliveries by store name, optionally only those in one state. */
    @GetMapping("/{id}/deliveries")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF')")
    Mono<PageView<NoticeView.DeliveryView>> deliveries(@PathVariable String mallId, @PathVariable String id,
                                                      @RequestParam(required = false) DeliveryState state,
                                                      @RequestParam(defaultValue = "0") String page,
                                                      @RequestParam(defaultValue = "50") String size) {
        ListQuery list = ListQuery.of(page, size);
        return board.find(mallId, id)
                .flatMap(notice -> deliveries.page(mallId, id, state, list))
                .map(found -> list.page(found.items().stream().map(NoticeView.DeliveryView::of).toList(), found.total()));
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
        return counts.of(List.of(notice))
                .map(byNotice -> NoticeView.of(notice, byNotice.getOrDefault(notice.getId(), DeliveryCounts.none())));
    }
}

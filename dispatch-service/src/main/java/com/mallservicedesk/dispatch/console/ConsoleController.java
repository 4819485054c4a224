package com.mallservicedesk.dispatch.console;

import com.mallservicedesk.dispatch.workorder.Callers;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live consoles (Server-Sent Events): a department's console gets its own department's work-order events and
 * notifications, the front desk's the escalations that name it and the orders waiting for it, the supervisors'
 * console the whole mall's. Each event's {@code id:} is its number in the mall's sequence, so a console
 * that reconnects with {@code Last-Event-ID} resumes without missing anything, within the replay bounds (a console
 * that missed more gets {@code event: resync} first and reloads its list). A stream ends with {@code event: expired}
 * when the caller's token expires, and a user has at most a few streams open on one instance.
 */
@RestController
class ConsoleController {

    private final ConsoleFeed feed;
    private final Duration heartbeat;
    private final StreamSlots slots;
    private final TokenExpiry expiry;

    ConsoleController(ConsoleFeed feed, @Value("${dispatch.console.heartbeat:PT15S}") Duration heartbeat,
                      StreamSlots slots, TokenExpiry expiry) {
        this.feed = feed;
        this.heartbeat = heartbeat;
        this.slots = slots;
        this.expiry = expiry;
    }

    @GetMapping(path = "/api/v1/malls/{mallId}/departments/{code}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR', 'MANAGER')")
    Flux<ServerSentEvent<Object>> department(@PathVariable String mallId, @PathVariable String code,
                                             @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                             PlatformUser user) {
        if (!Callers.supervises(user)) {
            String own;
            try {
                own = Callers.staffDepartment(user);
            } catch (ApiException noDepartment) {
                return Flux.error(noDepartment);
            }
            if (!own.equals(code)) {
                return Flux.error(new ApiException(HttpStatus.FORBIDDEN, "not-your-department", code));
            }
        }
        return stream(mallId, e -> e.concerns(code), lastEventId, user);
    }

    /**
     * The front desk's console: escalations that name the front desk among their targets (seed 000 §4.7: the
     * department reports to the front desk; a dispatch breach of an order nobody holds) and orders waiting for the
     * front desk to assign them.
     */
    @GetMapping(path = "/api/v1/malls/{mallId}/front-desk/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Flux<ServerSentEvent<Object>> frontDesk(@PathVariable String mallId,
                                            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                            PlatformUser user) {
        return stream(mallId, ConsoleEvent::concernsFrontDesk, lastEventId, user);
    }

    @GetMapping(path = "/api/v1/malls/{mallId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Flux<ServerSentEvent<Object>> mall(@PathVariable String mallId,
                                       @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                       PlatformUser user) {
        return stream(mallId, e -> true, lastEventId, user);
    }

    private Flux<ServerSentEvent<Object>> stream(String mallId, Predicate<ConsoleEvent> shows, String lastEventId,
                                                 PlatformUser user) {
        Long lastSeen;
        try {
            lastSeen = lastEventId == null || lastEventId.isBlank() ? null : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return Flux.error(ApiException.badRequest("last-event-id-invalid", lastEventId));
        }
        if (lastSeen != null && lastSeen < 0) {
            return Flux.error(ApiException.badRequest("last-event-id-invalid", lastEventId));
        }
        String holder = String.valueOf(user.id());
        return Flux.defer(() -> {
            // Errors before the first event still become a problem response (nothing is committed yet).
            if (!slots.tryOpen(holder)) {
                return Flux.error(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", slots.perUser()));
            }
            return Mono.zip(expiry.remaining(), feed.startAfter(mallId, lastSeen))
                    .flatMapMany(both -> live(mallId, shows, both.getT2(), user)
                            .takeUntilOther(Mono.delay(both.getT1()))
                            .concatWith(Mono.fromSupplier(this::expired)))
                    .doFinally(signal -> slots.close(holder));
        });
    }

    private Flux<ServerSentEvent<Object>> live(String mallId, Predicate<ConsoleEvent> shows, ConsoleFeed.Start start,
                                               PlatformUser user) {
        Flux<ServerSentEvent<Object>> events = feed.follow(mallId, shows, start.after())
                .map(e -> ServerSentEvent.<Object>builder(ConsoleMessage.of(e, user))
                        .id(Long.toString(e.seq()))
                        .event(e.type().replaceFirst("^mall\\.[a-z-]+\\.", "").replaceFirst("\\.v\\d+$", ""))
                        .build());
        if (start.resync() != null) {
            events = Flux.just(resync(start)).concatWith(events);
        }
        // A comment at once (the response starts only once the position is known), then now and then for proxies.
        Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(Duration.ZERO, heartbeat)
                .map(tick -> ServerSentEvent.builder().comment("keep-alive").build());
        return Flux.merge(keepAlive, events);
    }

    /** The replay starts later than asked: the console reloads its list, then follows from {@code id}. */
    private static ServerSentEvent<Object> resync(ConsoleFeed.Start start) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "resync");
        data.put("reason", start.resync());
        data.put("resumesAfter", start.after());
        return ServerSentEvent.<Object>builder(data).event("resync").id(Long.toString(start.after())).build();
    }

    /** The last event of a stream whose token expired: the console signs in again and reconnects with its last id. */
    private ServerSentEvent<Object> expired() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "expired");
        data.put("at", expiry.now().toString());
        return ServerSentEvent.<Object>builder(data).event("expired").build();
    }
}

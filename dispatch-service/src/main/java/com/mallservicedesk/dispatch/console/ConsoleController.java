package com.mallservicedesk.dispatch.console;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Duration;
import java.util.Objects;
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

/**
 * Live consoles (Server-Sent Events): a department's console gets its own department's work-order events, the
 * supervisors' console the whole mall's. Each event's {@code id:} is its number in the mall's sequence, so a console
 * that reconnects with {@code Last-Event-ID} resumes without missing anything.
 */
@RestController
class ConsoleController {

    private final ConsoleFeed feed;
    private final Duration heartbeat;

    ConsoleController(ConsoleFeed feed, @Value("${dispatch.console.heartbeat:PT15S}") Duration heartbeat) {
        this.feed = feed;
        this.heartbeat = heartbeat;
    }

    @GetMapping(path = "/api/v1/malls/{mallId}/departments/{code}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'SUPERVISOR', 'MANAGER')")
    Flux<ServerSentEvent<ConsoleMessage>> department(@PathVariable String mallId, @PathVariable String code,
                                                     @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                                     PlatformUser user) {
        if (!supervises(user) && !Objects.equals(user.department(), code)) {
            return Flux.error(new ApiException(HttpStatus.FORBIDDEN, "not-your-department", code));
        }
        return stream(mallId, code, lastEventId);
    }

    @GetMapping(path = "/api/v1/malls/{mallId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Flux<ServerSentEvent<ConsoleMessage>> mall(@PathVariable String mallId,
                                               @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        return stream(mallId, null, lastEventId);
    }

    private Flux<ServerSentEvent<ConsoleMessage>> stream(String mallId, String department, String lastEventId) {
        Long after;
        try {
            after = lastEventId == null || lastEventId.isBlank() ? null : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return Flux.error(ApiException.badRequest("last-event-id-invalid", lastEventId));
        }
        Long lastSeen = after;
        return feed.startAfter(mallId, lastSeen).flatMapMany(from -> {
            Flux<ServerSentEvent<ConsoleMessage>> events = feed.follow(mallId, department, from)
                    .map(e -> ServerSentEvent.builder(ConsoleMessage.of(e))
                            .id(Long.toString(e.seq()))
                            .event(e.type().replaceFirst("^mall\\.[a-z-]+\\.", "").replaceFirst("\\.v\\d+$", ""))
                            .build());
            // A comment at once (the response starts only once the position is known), then now and then for proxies.
            Flux<ServerSentEvent<ConsoleMessage>> keepAlive = Flux.interval(Duration.ZERO, heartbeat)
                    .map(tick -> ServerSentEvent.<ConsoleMessage>builder().comment("keep-alive").build());
            return Flux.merge(keepAlive, events);
        });
    }

    private static boolean supervises(PlatformUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.MANAGER);
    }
}

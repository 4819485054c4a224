package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.events.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Opens a claim file for every registered incident. */
@Service
class Claims {

    private final ClaimRepository claims;
    private final EventFactory events;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    Claims(ClaimRepository claims, EventFactory events, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.claims = claims;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    Mono<Void> openFor(IncomingEvent event) {
        ReportedIncident incident = event.dataAs(json, ReportedIncident.class);
        if (!incident.isIncident()) {
            return Mono.empty();
        }
        Claim claim = Claim.open(event.mallId(), incident, clock.instant());
        claim.getOutbox().add(events.pending(event.mallId(), claim.getId(), incident.requestId(), claim.opened()));
        return claims.insert(claim)
                .doOnSuccess(opened -> meters.counter("msd.claims.opened", "mall", opened.getMallId()).increment())
                .then()
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
    }
}

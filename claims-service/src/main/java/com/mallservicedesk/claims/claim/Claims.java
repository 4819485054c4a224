package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.events.EventFactory;
import com.mallservicedesk.platform.events.IncomingEvent;
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

    Claims(ClaimRepository claims, EventFactory events, JsonMapper json, Clock clock) {
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
        return claims.insert(claim).then().onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
    }
}

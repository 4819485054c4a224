package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.events.IncomingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Opens a claim file for every registered incident. */
@Service
class Claims {

    private final AggregateStore<Claim> claims;
    private final Clock clock;
    private final MeterRegistry meters;

    Claims(AggregateStores stores, Clock clock, MeterRegistry meters) {
        this.claims = stores.of(Claim.class, "claim");
        this.meters = meters;
        this.clock = clock;
    }

    /** One claim file per incident: a redelivered registration finds it stored and changes nothing. */
    Mono<Void> openFor(IncomingEvent event, ReportedIncident incident) {
        if (!incident.isIncident()) {
            return Mono.empty();
        }
        return claims.create(Claim.open(event.mallId(), incident, clock.instant()))
                .doOnNext(opened -> meters.counter("msd.claims.opened", "mall", opened.getMallId()).increment())
                .then();
    }
}

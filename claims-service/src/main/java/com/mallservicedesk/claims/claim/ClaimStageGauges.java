package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.observability.GaugeTable;
import com.mallservicedesk.platform.polling.PollingLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code msd.claims.current}: claims per mall and stage, from the stored {@link ClaimStageCounts}, so every instance
 * reports the same numbers and a restart loses nothing. A refresh reads the counter documents, never the claims.
 */
@Component
class ClaimStageGauges implements SmartLifecycle {

    private final ClaimStageCounts counts;
    private final GaugeTable byStage;
    private final PollingLoop loop;

    ClaimStageGauges(ClaimStageCounts counts, MeterRegistry meters,
                     @Value("${claims.metrics.refresh-interval:PT15S}") Duration interval) {
        this.counts = counts;
        this.loop = new PollingLoop("Claim stage gauges", interval, Flux.just(Boolean.TRUE), this::refresh);
        this.byStage = GaugeTable.builder("msd.claims.current").description("Claims per mall and stage")
                .register(meters);
    }

    Mono<Void> refresh() {
        return counts.all().collectList().doOnNext(rows -> {
            List<GaugeTable.Row> gauges = rows.stream()
                    .map(row -> GaugeTable.Row.of(Tags.of("mall", row.getString("mallId"), "stage",
                            row.getString("stage")), ((Number) row.get("n")).longValue()))
                    .toList();
            byStage.set(gauges);
        }).then();
    }

    @Override
    public void start() {
        counts.isEmpty().flatMap(empty -> empty ? counts.rebuild() : Mono.empty())
                .block(ClaimStageCounts.REBUILD_TIMEOUT);
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}

package com.mallservicedesk.dispatch.metrics;

import com.mallservicedesk.platform.observability.GaugeTable;
import com.mallservicedesk.platform.polling.PollingLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gauges from the stored {@link WorkOrderCounts}, so every instance reports the same numbers and a restart loses
 * nothing: work orders by mall, department, kind and status, and open and overdue ones per department. A refresh
 * reads the few counter documents, never the orders.
 */
@Component
class WorkOrderGauges implements SmartLifecycle {

    private final WorkOrderCounts counts;
    private final GaugeTable byStatus;
    private final GaugeTable open;
    private final GaugeTable overdue;
    private final PollingLoop loop;

    WorkOrderGauges(WorkOrderCounts counts, MeterRegistry meters,
                    @Value("${dispatch.metrics.refresh-interval:PT15S}") Duration interval) {
        this.counts = counts;
        // Refresh at once on start, then every interval.
        this.loop = new PollingLoop("Work-order gauges", interval, Flux.just(Boolean.TRUE), this::refresh);
        this.byStatus = GaugeTable.builder("msd.dispatch.work-orders.current")
                .description("Stored work orders by mall, department, kind and status").register(meters);
        this.open = GaugeTable.builder("msd.dispatch.work-orders.open").description("Open work orders per department")
                .register(meters);
        this.overdue = GaugeTable.builder("msd.dispatch.work-orders.overdue")
                .description("Open work orders with a breached service level in their current round").register(meters);
    }

    Mono<Void> refresh() {
        return counts.all().collectList().doOnNext(rows -> {
            var byState = new TreeMap<List<String>, Long>(Comparator.comparing(Object::toString));
            var openByDepartment = new TreeMap<List<String>, Long>(Comparator.comparing(Object::toString));
            var overdueByDepartment = new TreeMap<List<String>, Long>(Comparator.comparing(Object::toString));
            for (Document row : rows) {
                long n = ((Number) row.get("n")).longValue();
                List<String> department = List.of(row.getString("mallId"), row.getString("department"));
                byState.merge(List.of(row.getString("mallId"), row.getString("department"), row.getString("kind"),
                        row.getString("status")), n, Long::sum);
                if (WorkOrderCounts.OPEN.contains(row.getString("status"))) {
                    openByDepartment.merge(department, n, Long::sum);
                    overdueByDepartment.merge(department, Boolean.TRUE.equals(row.getBoolean("overdue")) ? n : 0, Long::sum);
                }
            }
            List<GaugeTable.Row> statusRows = new ArrayList<>();
            byState.forEach((k, n) -> statusRows.add(GaugeTable.Row.of(Tags.of("mall", k.get(0), "department", k.get(1),
                    "kind", k.get(2), "status", k.get(3)), n)));
            byStatus.set(statusRows);
            open.set(perDepartment(openByDepartment));
            overdue.set(perDepartment(overdueByDepartment));
        }).then();
    }

    private static List<GaugeTable.Row> perDepartment(Map<List<String>, Long> sums) {
        List<GaugeTable.Row> result = new ArrayList<>();
        sums.forEach((key, sum) -> result.add(GaugeTable.Row.of(Tags.of("mall", key.get(0), "department", key.get(1)), sum)));
        return result;
    }

    @Override
    public void start() {
        // A store from before the counters (or a repaired one): count once, then keep counting changes.
        counts.isEmpty().flatMap(empty -> empty ? counts.rebuild() : Mono.empty()).block(WorkOrderCounts.REBUILD_TIMEOUT);
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

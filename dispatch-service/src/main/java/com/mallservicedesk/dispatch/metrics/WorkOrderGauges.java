package com.mallservicedesk.dispatch.metrics;

import com.mallservicedesk.platform.polling.PollingLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gauges counted from the stored work orders, so every instance reports the same numbers and a restart loses
 * nothing: work orders by mall, department, kind and status, and open and overdue ones per department.
 */
@Component
class WorkOrderGauges implements SmartLifecycle {

    private static final List<String> OPEN = List.of("UNASSIGNED", "ASSIGNED", "ACCEPTED", "DELAYED");

    private final ReactiveMongoTemplate mongo;
    private final MultiGauge byStatus;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private final PollingLoop loop;

    WorkOrderGauges(ReactiveMongoTemplate mongo, MeterRegistry meters,
                    @Value("${dispatch.metrics.refresh-interval:PT15S}") Duration interval) {
        this.mongo = mongo;
        // Refresh at once on start, then every interval.
        this.loop = new PollingLoop("Work-order gauges", interval, Flux.just(Boolean.TRUE), this::refresh);
        this.byStatus = MultiGauge.builder("msd.dispatch.work-orders.current")
                .description("Stored work orders by mall, department, kind and status").register(meters);
        this.open = MultiGauge.builder("msd.dispatch.work-orders.open").description("Open work orders per department")
                .register(meters);
        this.overdue = MultiGauge.builder("msd.dispatch.work-orders.overdue")
                .description("Open work orders with a breached service level in their current round").register(meters);
    }

    Mono<Void> refresh() {
        var group = Aggregation.newAggregation(
                Aggregation.group("mallId", "department", "kind", "status").count().as("count")
                        .sum(org.springframework.data.mongodb.core.aggregation.ConditionalOperators
                                .when(org.springframework.data.mongodb.core.query.Criteria.where("overdue").is(true))
                                .then(1).otherwise(0)).as("overdue"));
        return mongo.aggregate(group, "work_orders", Document.class).collectList().doOnNext(rows -> {
            List<MultiGauge.Row<?>> statusRows = new java.util.ArrayList<>();
            rows.forEach(r -> statusRows.add(MultiGauge.Row.of(Tags.of("mall", key(r, "mallId"),
                    "department", key(r, "department"), "kind", key(r, "kind"), "status", key(r, "status")),
                    number(r, "count"))));
            byStatus.register(statusRows, true);
            var openRows = rows.stream().filter(r -> OPEN.contains(key(r, "status"))).toList();
            open.register(sumByDepartment(openRows, "count"), true);
            overdue.register(sumByDepartment(openRows, "overdue"), true);
        }).then();
    }

    private static List<MultiGauge.Row<?>> sumByDepartment(List<Document> rows, String field) {
        var sums = new java.util.TreeMap<List<String>, Long>(java.util.Comparator.comparing(Object::toString));
        rows.forEach(r -> sums.merge(List.of(key(r, "mallId"), key(r, "department")), number(r, field).longValue(), Long::sum));
        List<MultiGauge.Row<?>> result = new java.util.ArrayList<>();
        sums.forEach((key, sum) -> result.add(MultiGauge.Row.of(Tags.of("mall", key.get(0), "department", key.get(1)), sum)));
        return result;
    }

    private static String key(Document row, String field) {
        Object id = row.get("_id");
        Object value = id instanceof Document d ? d.get(field) : null;
        return value == null ? "none" : value.toString();
    }

    private static Number number(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n : 0;
    }

    @Override
    public void start() {
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

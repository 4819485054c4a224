package com.mallservicedesk.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a scrape small and its series bounded, whatever callers send. */
public final class MetricLimits {

    private static final Logger log = LoggerFactory.getLogger(MetricLimits.class);

    /** The Kafka client metrics worth a dashboard: lag, errors, retries and throughput. The rest (hundreds) go. */
    static final List<String> KAFKA_METRICS_KEPT = List.of(
            "kafka.consumer.fetch.manager.records.lag",
            "kafka.consumer.fetch.manager.records.consumed.total",
            "kafka.consumer.coordinator.rebalance.total",
            "kafka.producer.record.send.total",
            "kafka.producer.record.error.total",
            "kafka.producer.record.retry.total",
            "kafka.producer.request.latency.avg");

    private MetricLimits() {
    }

    public static MeterFilter trimKafkaClientMetrics() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                if (!id.getName().startsWith("kafka.")) {
                    return MeterFilterReply.NEUTRAL;
                }
                return KAFKA_METRICS_KEPT.stream().anyMatch(id.getName()::startsWith)
                        ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
            }
        };
    }

    /**
     * A {@code mall} tag takes the path's mall id, and platform operators may name any mall: past {@code maxMalls}
     * distinct malls, new malls' meters are dropped (and logged once) instead of growing the series without bound.
     */
    public static MeterFilter boundMallTag(int maxMalls) {
        return MeterFilter.maximumAllowableTags("", "mall", maxMalls, new MeterFilter() {
            private volatile boolean warned;

            @Override
            public MeterFilterReply accept(Meter.Id id) {
                if (!warned) {
                    warned = true;
                    log.warn("More than {} malls tagged in metrics; meters of further malls are dropped "
                            + "(platform.metrics.max-malls)", maxMalls);
                }
                return MeterFilterReply.DENY;
            }
        });
    }
}

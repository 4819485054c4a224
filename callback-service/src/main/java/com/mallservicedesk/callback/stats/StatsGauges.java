package com.mallservicedesk.callback.stats;

import com.mallservicedesk.callback.policy.CallbackPolicies;
import com.mallservicedesk.callback.policy.CallbackPolicy;
import com.mallservicedesk.callback.mall.MallSites;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The current month's stored figures of each mall as Prometheus gauges ({@code mall} tag), fed by every change of the
 * mall's month and, after a start, from the stored months. A gauge shows NaN once its month is over and until the new
 * month has figures.
 */
@Component
class StatsGauges implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StatsGauges.class);

    private record Shown(String month, ZoneId zone, Figures figures) {
    }

    private final MeterRegistry meters;
    private final Clock clock;
    private final ReactiveMongoTemplate mongo;
    private final CallbackPolicies policies;
    private final MallSites sites;
    private final Map<String, Shown> byMall = new ConcurrentHashMap<>();

    StatsGauges(MeterRegistry meters, Clock clock, ReactiveMongoTemplate mongo, CallbackPolicies policies, MallSites sites) {
        this.sites = sites;
        this.meters = meters;
        this.clock = clock;
        this.mongo = mongo;
        this.policies = policies;
    }

    void show(CallbackMonth whole, CallbackPolicy policy) {
        ZoneId zone = policy.zone();
        if (whole.getDepartment() != null || !whole.getMonth().equals(currentMonth(zone))) {
            return;
        }
        String mall = whole.getMallId();
        boolean first = byMall.put(mall, new Shown(whole.getMonth(), zone, Figures.of(whole.tally(), policy.targets()))) == null;
        if (first) {
            register(mall);
        }
    }

    private void register(String mall) {
        gauge("msd.callback.month.completions", mall, "Completed work needing a callback this month", f -> f.completionsNeedingCallback());
        gauge("msd.callback.month.done", mall, "Callbacks done this month", f -> f.callbacksDone());
        gauge("msd.callback.month.on.time", mall, "Callbacks done by their due time this month", f -> f.callbacksOnTime());
        gauge("msd.callback.month.unreachable", mall, "Callbacks ended unreachable this month", f -> f.unreachable());
        gauge("msd.callback.month.rate", mall, "Callback rate this month (0..1)", f -> orNaN(f.callbackRate()));
        gauge("msd.callback.month.satisfaction", mall, "Callback satisfaction this month (0..1)", f -> orNaN(f.satisfactionRate()));
        Gauge.builder("msd.callback.month.target.met", byMall, m -> value(m, mall, f -> met(f.callbackRateMet())))
                .tag("mall", mall).tag("target", "callback-rate").description("1 if the callback-rate target is met").register(meters);
        Gauge.builder("msd.callback.month.target.met", byMall, m -> value(m, mall, f -> met(f.satisfactionRateMet())))
                .tag("mall", mall).tag("target", "satisfaction").description("1 if the satisfaction target is met").register(meters);
    }

    private void gauge(String name, String mall, String description, ToDoubleFunction<Figures> value) {
        Gauge.builder(name, byMall, m -> value(m, mall, value)).tag("mall", mall).description(description).register(meters);
    }

    private double value(Map<String, Shown> shown, String mall, ToDoubleFunction<Figures> value) {
        Shown s = shown.get(mall);
        return s == null || !s.month().equals(currentMonth(s.zone())) ? Double.NaN : value.applyAsDouble(s.figures());
    }

    private String currentMonth(ZoneId zone) {
        return YearMonth.from(clock.instant().atZone(zone)).toString();
    }

    private static double orNaN(Double rate) {
        return rate == null ? Double.NaN : rate;
    }

    private static double met(Boolean met) {
        return met == null ? Double.NaN : met ? 1 : 0;
    }

    /**
     * After a start: the malls' stored figures of this month (a query by month, once). Malls in zones away from the
     * default show from their next change; the month is taken in the default zone.
     */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String month = currentMonth(sites.defaultZone());
        mongo.find(Query.query(Criteria.where("month").is(month).and("department").is(null)), CallbackMonth.class)
                .concatMap(whole -> policies.of(whole.getMallId()).doOnNext(policy -> show(whole, policy)))
                .subscribe(shown -> { }, error -> log.warn("Callback gauges not loaded after start: {}", error.toString()));
    }
}

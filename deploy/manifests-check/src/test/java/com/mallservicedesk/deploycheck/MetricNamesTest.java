package com.mallservicedesk.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric a dashboard or alert rule queries is one the services really expose: declared as a Micrometer meter
 * in the kit's or a service's main sources (names converted as Micrometer's Prometheus registry does), or a
 * well-known Spring/JVM/Kafka name that a real /actuator/prometheus answer contains.
 */
class MetricNamesTest {

    /** Saved /actuator/prometheus of a running dispatch-service (Kafka client, JVM and HTTP series trimmed to a few). */
    static final String SAMPLE = "/dispatch-service.prom";

    static Set<String> sampleNames() throws Exception {
        String text = new String(MetricNamesTest.class.getResourceAsStream(SAMPLE).readAllBytes());
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void every_queried_metric_is_exposed() {
        Set<String> exposed = new TreeSet<>(MetricNames.exposedBySources());
        exposed.addAll(MetricNames.WELL_KNOWN);
        exposed.addAll(MetricNames.PROMETHEUS_OWN);
        List<String> unknown = new ArrayList<>();
        Map<String, String> exprs = MetricNames.expressions();
        assertThat(exprs).as("expressions found in the dashboards and rule files").hasSizeGreaterThan(20);
        exprs.forEach((where, expr) -> MetricNames.readBy(expr).stream().filter(n -> !exposed.contains(n))
                .forEach(n -> unknown.add(n + "  (" + where + ")")));
        Dashboards.all().forEach((file, d) -> d.variableQueries().forEach((variable, query) -> MetricNames
                .readByTemplateQuery(query).stream().filter(n -> !exposed.contains(n))
                .forEach(n -> unknown.add(n + "  (" + file + " variable " + variable + ")"))));
        assertThat(unknown).as("metrics queried but not exposed by any service").isEmpty();
    }

    @Test
    void the_meters_found_in_the_sources_include_what_a_running_service_exposes() throws Exception {
        Set<String> fromSources = MetricNames.exposedBySources();
        Set<String> ownInSample = new TreeSet<>(sampleNames());
        ownInSample.removeIf(n -> !(n.startsWith("platform_") || n.startsWith("msd_")));
        assertThat(ownInSample).isNotEmpty();
        assertThat(fromSources).containsAll(ownInSample);
        assertThat(fromSources).contains("platform_outbox_backlog", "platform_inbox_dead_letters_total",
                "msd_intake_requests_total", "msd_dispatch_work_orders_open", "msd_dispatch_work_orders_overdue",
                "msd_dispatch_sla_breaches_total", "msd_survey_callback_rate_ratio", "msd_survey_callback_satisfaction_ratio",
                "msd_claims_current", "msd_callback_month_rate", "platform_timers_lateness_seconds_max",
                "msd_dispatch_time_to_dispatch_seconds_bucket", "msd_claims_advances_amount_cny_sum");
    }

    @Test
    void the_well_known_names_are_in_a_real_actuator_answer() throws Exception {
        assertThat(sampleNames()).containsAll(MetricNames.WELL_KNOWN);
    }

    @Test
    void dashboards_cover_the_platform_and_business_views() {
        Map<String, Dashboards.Dashboard> all = Dashboards.all();
        assertThat(all).containsOnlyKeys("business.json", "platform.json");
        String platform = String.join("\n", all.get("platform.json").queries().values());
        assertThat(platform).contains("http_server_requests_seconds_count", "histogram_quantile(0.99",
                "kafka_consumer_fetch_manager_records_lag_max", "platform_outbox_backlog", "platform_inbox_dead_letters_total",
                "jvm_memory_used_bytes", "jvm_gc_pause_seconds");
        Dashboards.Dashboard business = all.get("business.json");
        assertThat(business.variableQueries()).containsKey("mall");
        String queries = String.join("\n", business.queries().values());
        assertThat(queries).contains("msd_intake_requests_total", "by (channel)", "msd_dispatch_work_orders_open",
                "msd_dispatch_work_orders_overdue", "msd_dispatch_sla_breaches_total", "by (rule, department)",
                "msd_survey_callback_rate_ratio", "msd_survey_callback_satisfaction_ratio", "msd_callback_month_rate",
                "msd_claims_current");
        assertThat(business.queries().values()).allSatisfy(q -> assertThat(q).contains("mall=\"$mall\""));
        all.forEach((file, d) -> assertThat(d.json().path("panels").findValuesAsString("uid"))
                .as("%s uses the provisioned datasource", file).containsOnly("prometheus"));
    }

    @Test
    void the_extractors_find_names_and_skip_functions_labels_and_numbers() {
        assertThat(MetricNames.readBy("sum by (mall) (increase(foo_total{a=\"b\", c=~\"$x\"}[5m])) / on (mall) group_left (k) "
                + "bar > 0.95 and vector(1) unless max(baz_seconds_max offset 1h) > 1e3"))
                .containsExactly("foo_total", "bar", "baz_seconds_max");
        assertThat(MetricNames.readBy("label_replace(lag{}, \"group\", \"$1\", \"client_id\", \"consumer-(.+)\")"))
                .containsExactly("lag");
        assertThat(MetricNames.readByTemplateQuery("label_values(process_uptime_seconds, application)"))
                .containsExactly("process_uptime_seconds");
        assertThat(MetricNames.exposedBy("""
                Counter.builder("msd.a.b").tag("x", "y").register(r);
                meters.timer("platform.t", "k", v);
                MultiGauge.builder("msd.rate").baseUnit("ratio").register(r);
                GaugeTable.builder("msd.orders.open").description("d").register(r);
                DistributionSummary.builder("msd.amount").baseUnit("cny").register(r);
                meters.summary("platform.late.seconds", "k", v);
                gauge("msd.month-rate", mall, "d", f -> 1);
                """)).contains("msd_a_b_total", "platform_t_seconds_count", "platform_t_seconds_bucket", "msd_rate_ratio",
                "msd_amount_cny_sum", "platform_late_seconds_max", "msd_month_rate", "msd_orders_open")
                .doesNotContain("msd_a_b", "msd_rate", "platform_late_seconds_seconds_max");
    }
}

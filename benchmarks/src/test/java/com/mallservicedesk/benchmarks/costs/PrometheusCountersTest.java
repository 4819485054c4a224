package com.mallservicedesk.benchmarks.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.mallservicedesk.benchmarks.costs.PrometheusCounters.Series;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusCountersTest {

    private static final String COMMANDS = "mongodb_driver_commands_seconds_count";

    @Test
    void samplesAreReadWithTheirLabelsAndCommentsAreSkipped() {
        var counters = PrometheusCounters.parse("""
                # HELP mongodb_driver_commands_seconds Timer of mongodb commands
                # TYPE mongodb_driver_commands_seconds summary
                mongodb_driver_commands_seconds_count{application="intake-service",cluster_id="68f0",collection="requests",command="insert",database="intake",server_address="127.0.0.1:27017",status="SUCCESS"} 5250.0

                jvm_threads_live_threads 42
                """);

        assertThat(counters.samples()).containsOnly(
                entry(new Series(COMMANDS, Map.of("application", "intake-service", "cluster_id", "68f0",
                        "collection", "requests", "command", "insert", "database", "intake",
                        "server_address", "127.0.0.1:27017", "status", "SUCCESS")), 5250.0),
                entry(new Series("jvm_threads_live_threads", Map.of()), 42.0));
    }

    @Test
    void labelValuesMayHoldCommasBracesAndEscapedQuotes() {
        var counters = PrometheusCounters.parse("""
                http_server_requests_seconds_count{uri="/a,b",error="say \\"no\\", {twice}",path="C:\\\\x\\nnext",} 3.0
                """);

        assertThat(counters.samples()).containsOnly(entry(new Series("http_server_requests_seconds_count",
                Map.of("uri", "/a,b", "error", "say \"no\", {twice}", "path", "C:\\x\nnext")), 3.0));
    }

    @Test
    void specialValuesTimestampsAndLabelOrderAreUnderstood() {
        var counters = PrometheusCounters.parse("""
                a{x="1",y="2"} NaN
                b +Inf
                c -Inf 1712345678000
                d{y="2",x="1"} 1.5e3 1712345678000
                """);

        assertThat(counters.samples().get(new Series("a", Map.of("x", "1", "y", "2")))).isNaN();
        assertThat(counters.samples()).contains(entry(new Series("b", Map.of()), Double.POSITIVE_INFINITY),
                entry(new Series("c", Map.of()), Double.NEGATIVE_INFINITY),
                entry(new Series("d", Map.of("x", "1", "y", "2")), 1500.0));
    }

    @Test
    void linesThatDoNotParseAreSkipped() {
        var counters = PrometheusCounters.parse("""
                good 1
                {x="1"} 2
                unterminated{x="1 3
                novalue{x="1"}
                words{x="1"} many
                also_good{x="1"} 4
                """);

        assertThat(counters.samples()).containsOnlyKeys(new Series("good", Map.of()),
                new Series("also_good", Map.of("x", "1")));
    }

    @Test
    void theIncreaseCountsACounterMissingBeforeWhollyAndLeavesNaNOut() {
        var before = PrometheusCounters.parse("""
                mongodb_driver_commands_seconds_count{collection="requests",command="insert"} 100.0
                mongodb_driver_commands_seconds_count{collection="requests",command="find"} NaN
                gauge_that_fell 10
                """);
        var after = PrometheusCounters.parse("""
                mongodb_driver_commands_seconds_count{collection="requests",command="insert"} 130.0
                mongodb_driver_commands_seconds_count{collection="requests",command="find"} 7.0
                mongodb_driver_commands_seconds_count{collection="claims",command="update"} 5.0
                gauge_that_fell 4
                not_a_number NaN
                """);

        var increase = after.since(before);

        assertThat(increase.sumBy(COMMANDS, labels -> labels.get("collection") + "." + labels.get("command")))
                .containsExactly(entry("requests.insert", 30.0), entry("requests.find", 7.0),
                        entry("claims.update", 5.0));
        assertThat(increase.total("gauge_that_fell")).as("a reset counts from zero").isEqualTo(4.0);
        assertThat(increase.has("not_a_number")).isFalse();
    }

    @Test
    void instancesAddUpSeriesBySeries() {
        var one = PrometheusCounters.parse("x{status=\"SUCCESS\"} 2\nonly_one 1\n");
        var two = PrometheusCounters.parse("x{status=\"SUCCESS\"} 3\nx{status=\"FAILED\"} 1\n");

        var sum = one.plus(two);

        assertThat(sum.samples()).containsOnly(entry(new Series("x", Map.of("status", "SUCCESS")), 5.0),
                entry(new Series("x", Map.of("status", "FAILED")), 1.0), entry(new Series("only_one", Map.of()), 1.0));
        assertThat(sum.total("x")).isEqualTo(6.0);
        assertThat(sum.sumBy("x", labels -> "all")).containsExactly(entry("all", 6.0));
    }
}

package com.mallservicedesk.benchmarks.growth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.benchmarks.costs.PrometheusCounters;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchIndexWatchTest {

    /** The readings intake's instances give, one list of scrapes per reading, in order. */
    private final Deque<Optional<List<PrometheusCounters>>> readings = new ArrayDeque<>();
    private final SearchIndexWatch watch = new SearchIndexWatch(readings::poll, false);

    @Test
    void keepsTheMostWaitingOverAllInstancesAndTheLongestLagOfAny() {
        readings.add(instances(scrape(300, 4.0), scrape(200, 9.5)));
        readings.add(instances(scrape(100, 6.0), scrape(50, 2.0)));
        readings.add(instances(scrape(0, 1.0), scrape(7, 1.0)));
        watch.read();
        watch.read();

        assertThat(watch.take()).contains(new SearchIndexWatch.Worst(500, 9.5, 7));
    }

    @Test
    void aTakeStartsOver() {
        readings.add(instances(scrape(900, 30.0)));
        readings.add(instances(scrape(10, 0.5)));
        readings.add(instances(scrape(20, 0.4)));
        watch.read();
        watch.take();

        assertThat(watch.take()).contains(new SearchIndexWatch.Worst(20, 0.4, 20));
    }

    @Test
    void anIntakeWithoutTheIndexMetricsOrNotAnsweringGivesNothing() {
        readings.add(instances(PrometheusCounters.parse("http_server_requests_seconds_count 4\n")));
        readings.add(Optional.empty());

        watch.read();
        assertThat(watch.take()).isEmpty();
    }

    @Test
    void anIntakeNotAnsweringAtTheEndIsSaidSo() {
        readings.add(instances(scrape(40, 2.0)));
        readings.add(Optional.empty());
        watch.read();

        var worst = watch.take().orElseThrow();
        assertThat(worst.waitingAtEnd()).isNaN();
        assertThat(worst.brief()).isEqualTo("at most 40 texts waiting, the oldest 2.0 s; not read at the end");
    }

    private static Optional<List<PrometheusCounters>> instances(PrometheusCounters... scrapes) {
        return Optional.of(List.of(scrapes));
    }

    private static PrometheusCounters scrape(double waiting, double lagMax) {
        return PrometheusCounters.parse("""
                # TYPE msd_intake_search_index_waiting gauge
                msd_intake_search_index_waiting{application="intake-service"} %s
                msd_intake_search_index_lag_seconds_max{application="intake-service"} %s
                """.formatted(waiting, lagMax));
    }
}

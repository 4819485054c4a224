package com.mallservicedesk.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.benchmarks.growth.GrowthResult;
import com.mallservicedesk.benchmarks.load.Latencies;
import com.mallservicedesk.benchmarks.memory.MemoryReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    @Test
    void aLaterStageIsComparedWithTheFastestStageBeforeItNotWithAColdFirstOne() {
        String table = ResultsTable.markdown(new Results("run", List.of(stage(0, 26), stage(20_000, 63),
                stage(200_000, 54)), List.of(), null, null, MemoryReading.NONE));

        assertThat(row(table, "registration, 20,000 stored")).contains("242 % of 0 stored").endsWith("| yes |");
        assertThat(row(table, "registration, 200,000 stored")).contains("86 % of 20,000 stored")
                .contains("≥ 90 % of the fastest stage with fewer stored").endsWith("| **no** |");
    }

    private static GrowthResult stage(long stored, double perSecond) {
        var latency = new Latencies.Summary(100, 250, 400, 500, 600);
        return new GrowthResult(stored, 2_000, 16, perSecond, 0, "", latency, latency, MemoryReading.NONE, null);
    }

    private static String row(String table, String measurement) {
        return table.lines().filter(line -> line.startsWith("| " + measurement + " |")).findFirst().orElseThrow();
    }
}

package com.mallservicedesk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void withoutArgumentsTheFullRunIsPlanned() {
        var options = BenchmarkOptions.parse();

        assertThat(options.growth()).containsExactly(0L, 50_000L, 200_000L);
        assertThat(options.rates()).containsExactly(200, 400);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.burst()).isEqualTo(2000);
        assertThat(options.malls()).isEqualTo(500);
        assertThat(options.intake()).isEqualTo("http://127.0.0.1:8081");
        assertThat(options.output()).isNull();
        assertThat(options.help()).isFalse();
    }

    @Test
    void theQuickRunOptionsAreRead() {
        var options = BenchmarkOptions.parse("--growth", "2000,0", "--requests", "500", "--rate=200", "--duration",
                "10s", "--burst", "1k", "--ceiling", "0", "--output", "out.md", "--dispatch", "http://127.0.0.1:9000");

        assertThat(options.growth()).containsExactly(0L, 2000L);
        assertThat(options.requests()).isEqualTo(500);
        assertThat(options.rates()).containsExactly(200);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.burst()).isEqualTo(1000);
        assertThat(options.ceiling()).isZero();
        assertThat(options.output()).isEqualTo(Path.of("out.md"));
        assertThat(options.dispatch()).isEqualTo("http://127.0.0.1:9000");
    }

    @Test
    void countsTakeThousandsAndUnderscores() {
        assertThat(BenchmarkOptions.count("200k")).isEqualTo(200_000);
        assertThat(BenchmarkOptions.count("50_000")).isEqualTo(50_000);
        assertThat(BenchmarkOptions.parse("--growth", "0,50k,200k").growth()).containsExactly(0L, 50_000L, 200_000L);
    }

    @Test
    void durationsTakeUnitsAndBareSeconds() {
        assertThat(BenchmarkOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchmarkOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchmarkOptions.duration("45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void noneOrZeroSkipsAStage() {
        var options = BenchmarkOptions.parse("--growth", "none", "--rate", "0", "--burst", "0");

        assertThat(options.growth()).isEmpty();
        assertThat(options.rates()).isEmpty();
        assertThat(options.burst()).isZero();
    }

    @Test
    void helpIsRecognisedAndTheUsageNamesEveryOption() {
        assertThat(BenchmarkOptions.parse("--help").help()).isTrue();
        assertThat(BenchmarkOptions.usage()).contains("--growth", "--rate", "--duration", "--burst", "--ceiling",
                "--concurrency", "--load-concurrency", "--patience");
    }

    @Test
    void costsAreReadUnlessTurnedOff() {
        assertThat(BenchmarkOptions.parse().costs()).isTrue();
        assertThat(BenchmarkOptions.parse("--growth", "0", "--no-costs", "--requests", "500").costs()).isFalse();
        assertThat(BenchmarkOptions.usage()).contains("--no-costs");
    }

    @Test
    void theMallsGetTheLongestServiceLevelsUnlessTheDefaultsAreAskedFor() {
        assertThat(BenchmarkOptions.parse().defaultServiceLevels()).isFalse();
        assertThat(BenchmarkOptions.parse("--default-service-levels", "--growth", "0").defaultServiceLevels()).isTrue();
        assertThat(BenchmarkOptions.usage()).contains("--default-service-levels");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rates", "200")).hasMessage("unknown option: --rates");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--bogus")).hasMessage("unknown option: --bogus");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--growth", "0,lots")).hasMessage("--growth: not a count: lots");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--duration", "soon")).hasMessageStartingWith("--duration: not a duration");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--concurrency", "0")).hasMessage("--concurrency must be at least 1");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--burst")).hasMessage("--burst needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("200")).hasMessage("unexpected argument: 200");
    }

    @Test
    void aListKeepsItsStagesInAscendingOrderOnce() {
        assertThat(BenchmarkOptions.parse("--growth", "2000,0,2000").growth()).isEqualTo(List.of(0L, 2000L));
    }
}

package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    @Test
    void doublesFromOneSecondUpToThirtySeconds() {
        assertThat(IntStream.range(0, 8).mapToObj(RestartBackoff.STANDARD::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(RestartBackoff.STANDARD.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }
}

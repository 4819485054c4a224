package com.mallservicedesk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A conversion at start: waited for, or run behind a service already serving and tried again until it succeeds. */
class LayoutConversionTest {

    /** A conversion whose scan the test controls. */
    static final class Conversion extends LayoutConversion {
        private final boolean background;
        private final Mono<Long> scan;

        Conversion(boolean background, Mono<Long> scan) {
            this.background = background;
            this.scan = scan;
        }

        @Override
        protected Mono<Long> convert() {
            return scan;
        }

        @Override
        protected boolean runsInBackground() {
            return background;
        }

        @Override
        protected String convertedMessage() {
            return "converted {}";
        }
    }

    @Test
    void aStartWaitsForTheConversionUnlessItRunsInTheBackground() {
        Conversion waited = new Conversion(false, Mono.just(3L));
        waited.start();
        assertThat(waited.converted()).isTrue();

        Sinks.One<Long> scan = Sinks.one();
        Conversion behind = new Conversion(true, scan.asMono());
        behind.start();
        assertThat(behind.isRunning()).isTrue();
        assertThat(behind.converted()).isFalse();
        scan.tryEmitValue(3L);
        await().atMost(Duration.ofSeconds(5)).until(behind::converted);
    }

    @Test
    void aBackgroundConversionThatFailsIsTriedAgain() {
        AtomicInteger tries = new AtomicInteger();
        Conversion behind = new Conversion(true, Mono.defer(() -> tries.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("store away")) : Mono.just(1L)));
        behind.start();
        await().atMost(Duration.ofSeconds(10)).until(behind::converted);
        assertThat(tries).hasValue(2);
        behind.stop();
    }
}

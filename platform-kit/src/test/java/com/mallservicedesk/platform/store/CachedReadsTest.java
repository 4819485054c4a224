package com.mallservicedesk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class CachedReadsTest {

    private Instant now = Instant.parse("2026-11-26T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger loads = new AtomicInteger();

    private final List<String> recorded = new ArrayList<>();

    private CachedReads<String> cache(int maxEntries) {
        return new CachedReads<>(Duration.ofSeconds(5), maxEntries, clock,
                key -> Mono.fromRunnable(() -> recorded.add(key)));
    }

    private Mono<String> load(String value) {
        return Mono.fromSupplier(() -> {
            loads.incrementAndGet();
            return value;
        });
    }

    @Test
    void aFreshValueIsReadOnceAndAStaleOneAgain() {
        CachedReads<String> cache = cache(100);
        assertThat(cache.get("M001", () -> load("v1")).block()).isEqualTo("v1");
        assertThat(cache.get("M001", () -> load("v2")).block()).isEqualTo("v1");
        now = now.plusSeconds(6);
        assertThat(cache.get("M001", () -> load("v2")).block()).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void absenceIsKeptAndAChangeHereIsSeenAtOnce() {
        CachedReads<String> cache = cache(100);
        assertThat(cache.get("M001", () -> Mono.fromRunnable(loads::incrementAndGet)).blockOptional()).isEmpty();
        assertThat(cache.get("M001", () -> load("stored")).blockOptional()).isEmpty();
        cache.forget("M001");
        assertThat(cache.get("M001", () -> load("stored")).block()).isEqualTo("stored");
        assertThat(loads).hasValue(2);
    }

    @Test
    void theCacheStaysWithinItsBound() {
        CachedReads<String> cache = cache(3);
        for (int mall = 0; mall < 10; mall++) {
            String key = "M" + mall;
            cache.get(key, () -> load(key)).block();
        }
        // The last one is kept whatever happened to the others.
        assertThat(cache.get("M9", () -> load("again")).block()).isEqualTo("M9");
        assertThat(loads).hasValue(10);
    }

    @Test
    void aFailedReadIsNotKept() {
        CachedReads<String> cache = cache(100);
        assertThat(cache.get("M001", () -> Mono.<String>error(new IllegalStateException("store away")))
                .onErrorReturn("failed").block()).isEqualTo("failed");
        assertThat(cache.get("M001", () -> load("v1")).block()).isEqualTo("v1");
    }

    @Test
    void aChangeIsForgottenHereAndRecordedForTheOtherInstances() {
        CachedReads<String> cache = cache(100);
        assertThat(cache.get("M001", () -> load("v1")).block()).isEqualTo("v1");
        cache.changed("M001").block();
        assertThat(recorded).containsExactly("M001");
        assertThat(cache.get("M001", () -> load("v2")).block()).isEqualTo("v2");
    }

    @Test
    void aReadOnItsWayWhileTheKeyIsForgottenIsServedButNotKept() {
        CachedReads<String> cache = cache(100);
        Sinks.One<String> store = Sinks.one();
        var read = cache.get("M001", store::asMono).toFuture();
        // The change lands after the read left for the store, which may answer with the old value.
        cache.forget("M001");
        store.tryEmitValue("old");
        assertThat(read.join()).isEqualTo("old");
        assertThat(cache.get("M001", () -> load("new")).block()).isEqualTo("new");
    }

    @Test
    void clearingForgetsEveryKey() {
        CachedReads<String> cache = cache(100);
        cache.get("M001", () -> load("v1")).block();
        cache.get("M002", () -> load("v1")).block();
        cache.clear();
        assertThat(cache.get("M001", () -> load("v2")).block()).isEqualTo("v2");
        assertThat(cache.get("M002", () -> load("v2")).block()).isEqualTo("v2");
    }
}

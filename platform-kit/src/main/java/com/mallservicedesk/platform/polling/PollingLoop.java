package com.mallservicedesk.platform.polling;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one round of background work every interval and whenever a trigger fires, never two rounds at once
 * and never more than one waiting; a failed round is logged and the next one runs as usual.
 */
public final class PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration interval;
    private final Flux<?> triggers;
    private final Supplier<Mono<?>> round;
    private volatile Disposable running;

    public PollingLoop(String name, Duration interval, Flux<?> triggers, Supplier<Mono<?>> round) {
        this.name = name;
        this.interval = interval;
        this.triggers = triggers;
        this.round = round;
    }

    public void start() {
        running = Flux.merge(Flux.interval(interval), triggers)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(round).onErrorResume(error -> {
                    log.warn("{} round failed, will retry: {}", name, error.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    public boolean isRunning() {
        return running != null;
    }
}

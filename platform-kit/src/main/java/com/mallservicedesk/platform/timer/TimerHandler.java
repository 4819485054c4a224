package com.mallservicedesk.platform.timer;

import reactor.core.publisher.Mono;

/**
 * What happens when a timer of one kind is due. A handler may run again for the same timer if an instance
 * dies after the handler finished but before the timer was marked fired, so its writes must be idempotent
 * (for example: record the breach only if the aggregate has not recorded it yet).
 */
public interface TimerHandler {

    String kind();

    Mono<Void> fire(Timer timer);
}

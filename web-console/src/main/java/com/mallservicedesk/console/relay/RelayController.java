package com.mallservicedesk.console.relay;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every method on {@code /console-api/**}; the session guard has already checked the session and the CSRF token. */
@RestController
class RelayController {

    private final ApiRelay relay;

    RelayController(ApiRelay relay) {
        this.relay = relay;
    }

    @RequestMapping(RelayTarget.PREFIX + "**")
    Mono<Void> relay(ServerWebExchange exchange) {
        return relay.relay(exchange);
    }
}

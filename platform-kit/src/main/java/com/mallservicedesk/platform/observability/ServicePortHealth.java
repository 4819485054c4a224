package com.mallservicedesk.platform.observability;

import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The contract keeps {@code /actuator/health} on the service port, status only, while the actuator itself lives on
 * the management port. Spring Boot serves the status-only health group on the service port as {@code /health}
 * (a group's extra path has one segment), so this filter answers {@code /actuator/health} on the service port
 * from that group. On the management port the full health document is left alone.
 */
public class ServicePortHealth implements WebFilter, Ordered {

    static final String CONTRACT_PATH = "/actuator/health";
    static final String STATUS_GROUP_PATH = "/health";

    private final Environment environment;

    public ServicePortHealth(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!CONTRACT_PATH.equals(request.getPath().value()) || ManagementPort.received(exchange, environment)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request.mutate().path(STATUS_GROUP_PATH).build()).build());
    }

    @Override
    public int getOrder() {
        // Before Spring Security, which then sees the public /health path.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

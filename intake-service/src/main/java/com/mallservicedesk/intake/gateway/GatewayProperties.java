package com.mallservicedesk.intake.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where malls' outbound message gateways may point ({@code intake.gateway}).
 *
 * @param allowedHosts                the host names (or addresses) a mall's manager may choose; empty (the default):
 *                                    only the platform administrator sets gateways
 * @param allowLoopbackForDevelopment lets a gateway on this machine ({@code localhost}, {@code 127.0.0.1}, {@code ::1})
 *                                    be used, over plain http too; for the local platform and tests only, never in
 *                                    production
 */
@ConfigurationProperties("intake.gateway")
public record GatewayProperties(@DefaultValue List<String> allowedHosts,
                                @DefaultValue("false") boolean allowLoopbackForDevelopment) {
}

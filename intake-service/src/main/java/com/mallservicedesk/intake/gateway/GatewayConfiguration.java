package com.mallservicedesk.intake.gateway;

import java.net.InetAddress;
import java.util.HashSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    @Bean
    HostResolver systemHostResolver() {
        return InetAddress::getAllByName;
    }

    @Bean
    GatewayUrlPolicy gatewayUrlPolicy(GatewayProperties properties, HostResolver resolver) {
        return new GatewayUrlPolicy(new HashSet<>(properties.allowedHosts()), properties.allowLoopbackForDevelopment(),
                resolver);
    }
}

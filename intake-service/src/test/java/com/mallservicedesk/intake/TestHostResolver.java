package com.mallservicedesk.intake;

import com.mallservicedesk.intake.gateway.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The tests' DNS for gateway names: the build machines may have none, and the tests need a name that resolves to a
 * private address. Addresses are literals, so nothing is looked up; every other name is unknown.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestHostResolver {

    static final Map<String, String> NAMES = Map.of(
            "sms.example.com", "93.184.215.14",
            "gateway.partner.example", "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
            "intranet.example.com", "10.1.2.3",
            "localhost", "127.0.0.1");

    @Bean
    @Primary
    HostResolver testHostResolver() {
        return host -> {
            String address = NAMES.get(host.toLowerCase());
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        };
    }
}

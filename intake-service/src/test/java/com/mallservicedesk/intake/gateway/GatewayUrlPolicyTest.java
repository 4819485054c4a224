package com.mallservicedesk.intake.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gateway address rules without Spring: literal addresses, resolved names, schemes, the allow-list, masking. */
class GatewayUrlPolicyTest {

    private static final Map<String, String[]> DNS = Map.of(
            "sms.example.com", new String[] {"93.184.215.14"},
            "mixed.example.com", new String[] {"93.184.215.14", "10.0.0.8"},
            "rebound.example.com", new String[] {"169.254.169.254"},
            "v6.example.com", new String[] {"fd12:3456::1"},
            "localhost", new String[] {"127.0.0.1"});

    private static final HostResolver RESOLVER = host -> {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    };

    private final GatewayUrlPolicy production = new GatewayUrlPolicy(
            Set.of("SMS.example.com.", "mixed.example.com", "rebound.example.com", "v6.example.com", "10.0.0.5"), false,
            RESOLVER);
    private final GatewayUrlPolicy development = new GatewayUrlPolicy(Set.of("sms.example.com"), true, RESOLVER);

    @Test
    void onlyHttpsOnAnAllowedHostThatResolvesToPublicAddressesIsAccepted() {
        assertThat(production.refusalToStore("https://sms.example.com/send?x=1", false)).isEmpty();
        assertThat(production.refusalToStore("https://SMS.EXAMPLE.COM:8443/send", false)).isEmpty();
        assertThat(production.refusalToStore("http://sms.example.com/send", false)).contains("https-required");
        assertThat(production.refusalToStore("ftp://sms.example.com/", true)).contains("https-required");
        assertThat(production.refusalToStore("https://other.example.com/", false)).contains("host-not-allowed");
        // Any non-public address among the name's addresses refuses it.
        assertThat(production.refusalToStore("https://mixed.example.com/", false)).contains("non-public-address");
        assertThat(production.refusalToStore("https://rebound.example.com/", false)).contains("non-public-address");
        assertThat(production.refusalToStore("https://v6.example.com/", false)).contains("non-public-address");
        assertThat(production.refusalToStore("https://10.0.0.5/", false)).contains("non-public-address");
        assertThat(production.refusalToStore("https://unknown.example.com/", true)).contains("unresolvable-host");
    }

    @Test
    void addressesThatDoNotParseLiterallyAreRefused() {
        for (String url : new String[] {"https://sms.example.com/send?to={phone}", "https://sms.example.com/a b",
                "sms.example.com/send", "https:///send", "mailto:ops@example.com", "", "https://exa_mple.com/", "\u0000"}) {
            assertThat(production.refusalToStore(url, true)).as(url).contains("not-a-url");
        }
        // Percent-escapes are a valid address and are kept exactly as written.
        assertThat(production.uriToCall("https://sms.example.com/send?sig=a%2Bb%7B", false))
                .hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("https://sms.example.com/send?sig=a%2Bb%7B"));
    }

    @Test
    void thePlatformIsNotBoundToTheAllowListButToPublicAddresses() {
        assertThat(production.refusalToStore("https://sms.example.com/", true)).isEmpty();
        for (String host : new String[] {"127.0.0.1", "127.1.2.3", "0.0.0.0", "10.1.1.1", "100.64.1.1", "169.254.169.254",
                "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.0.1", "198.18.0.1", "198.51.100.7",
                "203.0.113.9", "224.0.0.251", "240.0.0.1", "255.255.255.255", "[::]", "[::1]", "[fe80::1]", "[fc00::1]",
                "[fd00:ec2::254]", "[ff02::1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[64:ff9b::a00:1]",
                "[2002:a00:1::]", "[2001:db8::1]", "[fec0::1]"}) {
            assertThat(production.refusalToStore("https://" + host + "/send", true)).as(host).contains("non-public-address");
        }
        for (String host : new String[] {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "[2606:4700::1111]"}) {
            assertThat(production.refusalToStore("https://" + host + "/send", true)).as(host).isEmpty();
        }
    }

    @Test
    void loopbackOverHttpOnlyWithTheDevelopmentSwitch() {
        assertThat(development.refusalToStore("http://127.0.0.1:9000/send", false)).isEmpty();
        assertThat(development.refusalToStore("http://localhost:9000/send", false)).isEmpty();
        assertThat(development.refusalToStore("https://[::1]:9000/send", false)).isEmpty();
        assertThat(development.uriToCall("http://127.0.0.1:9000/send", false)).isPresent();
        // The switch admits this machine only: not private networks, not plain http elsewhere.
        assertThat(development.refusalToStore("http://sms.example.com/send", false)).contains("https-required");
        assertThat(development.refusalToStore("https://10.0.0.1/send", true)).contains("non-public-address");
        assertThat(production.refusalToStore("http://127.0.0.1:9000/send", true)).contains("https-required");
        assertThat(production.refusalToStore("https://127.0.0.1:9000/send", true)).contains("non-public-address");
        assertThat(production.refusalToStore("https://localhost/send", true)).contains("non-public-address");
    }

    @Test
    void beforeEachCallTheStoredAddressIsCheckedAgainAndNamesAreCheckedWhenConnecting() throws Exception {
        assertThat(production.uriToCall("https://evil.example.net/collect", false)).isEmpty();
        assertThat(production.uriToCall("https://evil.example.net/collect", true)).isPresent();
        assertThat(production.uriToCall("https://169.254.169.254/latest", true)).isEmpty();
        assertThat(production.uriToCall("https://sms.example.com/{x}", true)).isEmpty();
        assertThat(production.publicAddresses("sms.example.com")).hasSize(1);
        assertThatThrownBy(() -> production.publicAddresses("mixed.example.com"))
                .isInstanceOf(NonPublicAddressException.class).hasMessageNotContaining("10.0.0.8");
        assertThatThrownBy(() -> production.publicAddresses("nowhere.example.com")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void onlySchemeHostAndPortAreEverShown() {
        assertThat(GatewayUrlPolicy.masked("https://user:secret@sms.example.com/v1/send?key=abc#x"))
                .isEqualTo("https://sms.example.com/…");
        assertThat(GatewayUrlPolicy.masked("HTTPS://sms.example.com:8443")).isEqualTo("https://sms.example.com:8443/…");
        assertThat(GatewayUrlPolicy.masked("https://[2606:4700::1111]/x")).isEqualTo("https://[2606:4700::1111]/…");
        assertThat(GatewayUrlPolicy.masked("https://sms.example.com/{secret}")).isEqualTo("…");
        assertThat(Optional.ofNullable(GatewayUrlPolicy.masked(null))).contains("…");
    }

    @Test
    void theAllowListComesFromOneCommaSeparatedVariableAndIsEmptyByDefault() {
        assertThat(bind(Map.of()).allowedHosts()).isEmpty();
        assertThat(bind(Map.of()).allowLoopbackForDevelopment()).isFalse();
        assertThat(bind(Map.of("intake.gateway.allowed-hosts", "")).allowedHosts()).isEmpty();
        assertThat(bind(Map.of("intake.gateway.allowed-hosts", "sms.example.com,push.example.org")).allowedHosts())
                .containsExactly("sms.example.com", "push.example.org");
    }

    private static GatewayProperties bind(Map<String, String> properties) {
        return new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(properties))
                .bindOrCreate("intake.gateway", GatewayProperties.class);
    }
}

package com.mallservicedesk.claims.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InsurerEndpointsTest {

    private final InsurerEndpoints production = new InsurerEndpoints(false);
    private final InsurerEndpoints local = new InsurerEndpoints(true);

    @Test
    void productionAcceptsOnlyHttps() {
        assertThat(production.problemWith("https://fnol.insurer.example.cn/v1/reports")).isNull();
        assertThat(production.problemWith("http://fnol.insurer.example.cn/v1/reports")).isEqualTo("https-required");
        assertThat(production.problemWith("http://127.0.0.1:8099/fnol")).isEqualTo("https-required");
        assertThat(production.problemWith("ftp://insurer.example.cn")).isEqualTo("https-required");
    }

    @Test
    void theLocalPlatformMayUsePlainHttpToTheLoopbackOnly() {
        assertThat(local.problemWith("http://127.0.0.1:8099/fnol")).isNull();
        assertThat(local.problemWith("http://localhost:8099/fnol")).isNull();
        assertThat(local.problemWith("http://10.0.0.5/fnol")).isEqualTo("https-required");
    }

    @Test
    void credentialsNeverTravelInTheUrl() {
        assertThat(production.problemWith("https://user:secret@insurer.example.cn/fnol")).isEqualTo("credentials-in-url");
        assertThat(production.problemWith("not a url")).isEqualTo("not-a-url");
        assertThat(production.problemWith("/relative/path")).isEqualTo("not-a-url");
    }
}

package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealthWaiterTest {

    @Test
    void upOnlyWhenTheOverallStatusIsUp() {
        assertThat(HealthWaiter.isUp("{\"status\":\"UP\",\"components\":{\"kafka\":{\"status\":\"UP\"}}}")).isTrue();
        assertThat(HealthWaiter.isUp("{\"components\":{\"kafka\":{\"status\":\"UP\"}},\"status\":\"DOWN\"}"))
                .isFalse();
        assertThat(HealthWaiter.isUp("{\"status\":\"UNKNOWN\"}")).isFalse();
        assertThat(HealthWaiter.isUp("<html>not json</html>")).isFalse();
    }
}

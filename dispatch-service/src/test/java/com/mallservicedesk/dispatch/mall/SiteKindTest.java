package com.mallservicedesk.dispatch.mall;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.calendar.WorkingCalendar;
import com.mallservicedesk.platform.store.ConfigurationChanges;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SiteKindTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("seed 000 §3.1.1: a mall intake has not described works 12 h a day (09:00–21:00) in the configured zone, not 24×7")
    void aMallWithoutSettingsGetsTwelveHourDeskHours() {
        var changes = new ConfigurationChanges(null, Clock.systemUTC(), Duration.ofSeconds(1), 200);
        var malls = new Malls(null, Clock.systemUTC(), SHANGHAI, SiteKind.MALL, new SimpleMeterRegistry(), changes,
                Duration.ofMinutes(10));
        var defaults = malls.defaults("M001");
        assertThat(defaults.zone()).isEqualTo(SHANGHAI);
        assertThat(defaults.revision()).isZero();
        assertThat(defaults.deskHours()).isEqualTo(WorkingCalendar.mallDeskHours(SHANGHAI));
        assertThat(defaults.deskHours().alwaysOpen()).isFalse();
    }

    @Test
    @DisplayName("seed 001 §二.1: a campus service centre is on 24-hour duty")
    void aCampusWorksAroundTheClock() {
        assertThat(SiteKind.CAMPUS.defaultDeskHours(SHANGHAI)).isEqualTo(WorkingCalendar.aroundTheClock(SHANGHAI));
        assertThat(SiteKind.parse("SPACESHIP", SiteKind.MALL)).isEqualTo(SiteKind.MALL);
    }
}

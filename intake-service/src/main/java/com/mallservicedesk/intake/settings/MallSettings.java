package com.mallservicedesk.intake.settings;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads a mall's intake settings (stored, else the seed defaults) and stores changes. */
@Service
@EnableConfigurationProperties(IntakeDefaults.class)
public class MallSettings {

    static final Duration MAX_ACCEPTANCE_LIMIT = Duration.ofDays(1);
    static final Duration MAX_DUPLICATE_WINDOW = Duration.ofDays(7);

    private final SettingsRepository settings;
    private final IntakeDefaults defaults;
    private final Clock clock;

    MallSettings(SettingsRepository settings, IntakeDefaults defaults, Clock clock) {
        this.settings = settings;
        this.defaults = defaults;
        this.clock = clock;
    }

    public Mono<IntakeSettings> of(String mallId) {
        return settings.findById(mallId).defaultIfEmpty(new IntakeSettings(mallId, defaults.acceptanceLimit(),
                defaults.duplicateWindow(), blankToNull(defaults.gatewayUrl()), defaults.timeZone(), null, null));
    }

    Mono<IntakeSettings> update(String mallId, UpdateSettings body, PlatformUser user) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (body.acceptanceLimit().isNegative() || body.acceptanceLimit().isZero()
                || body.acceptanceLimit().compareTo(MAX_ACCEPTANCE_LIMIT) > 0) {
            errors.add(Map.of("field", "acceptanceLimit", "code", "out-of-range"));
        }
        if (body.duplicateWindow().isNegative() || body.duplicateWindow().compareTo(MAX_DUPLICATE_WINDOW) > 0) {
            errors.add(Map.of("field", "duplicateWindow", "code", "out-of-range"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(body.timeZone());
        } catch (DateTimeException e) {
            errors.add(Map.of("field", "timeZone", "code", "unknown-time-zone"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "settings-invalid", Map.of("errors", errors),
                    errors.size()));
        }
        return settings.save(new IntakeSettings(mallId, body.acceptanceLimit(), body.duplicateWindow(),
                blankToNull(body.gatewayUrl()), zone, clock.instant(), user.id()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

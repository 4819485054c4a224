package com.mallservicedesk.intake.settings;

import com.mallservicedesk.intake.gateway.GatewayUrlPolicy;
import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads a mall's intake settings (stored, else the seed defaults) and stores changes. */
@Service
@EnableConfigurationProperties(IntakeDefaults.class)
public class MallSettings {

    static final Duration MAX_ACCEPTANCE_LIMIT = Duration.ofDays(1);
    static final Duration MAX_DUPLICATE_WINDOW = Duration.ofDays(7);

    private record Gateway(String url, Boolean setByPlatform) {
    }

    private final SettingsRepository settings;
    private final IntakeDefaults defaults;
    private final GatewayUrlPolicy gateways;
    private final Clock clock;

    MallSettings(SettingsRepository settings, IntakeDefaults defaults, GatewayUrlPolicy gateways, Clock clock) {
        this.settings = settings;
        this.defaults = defaults;
        this.gateways = gateways;
        this.clock = clock;
    }

    /** The mall's settings; without a gateway of its own, the platform's default gateway (chosen by the platform). */
    public Mono<IntakeSettings> of(String mallId) {
        String defaultGateway = blankToNull(defaults.gatewayUrl());
        return settings.findById(mallId)
                .map(s -> s.gatewayUrl() != null || defaultGateway == null ? s
                        : new IntakeSettings(s.mallId(), s.acceptanceLimit(), s.duplicateWindow(), defaultGateway, true,
                                s.timeZone(), s.updatedAt(), s.updatedBy()))
                .defaultIfEmpty(new IntakeSettings(mallId, defaults.acceptanceLimit(), defaults.duplicateWindow(),
                        defaultGateway, true, defaults.timeZone(), null, null));
    }

    Mono<IntakeSettings> update(String mallId, UpdateSettings body, PlatformUser user) {
        return Mono.defer(() -> {
            var invalid = new FieldErrors();
            if (body.acceptanceLimit().isNegative() || body.acceptanceLimit().isZero()
                    || body.acceptanceLimit().compareTo(MAX_ACCEPTANCE_LIMIT) > 0) {
                invalid.add("acceptanceLimit", "out-of-range");
            }
            if (body.duplicateWindow().isNegative() || body.duplicateWindow().compareTo(MAX_DUPLICATE_WINDOW) > 0) {
                invalid.add("duplicateWindow", "out-of-range");
            }
            ZoneId zone = null;
            try {
                zone = ZoneId.of(body.timeZone());
            } catch (DateTimeException e) {
                invalid.add("timeZone", "unknown-time-zone");
            }
            invalid.throwIfAny();
            ZoneId timeZone = zone;
            return gateway(mallId, body.gatewayUrl(), user).flatMap(gateway -> settings.save(new IntakeSettings(mallId,
                    body.acceptanceLimit(), body.duplicateWindow(), gateway.url(), gateway.setByPlatform(), timeZone,
                    clock.instant(), user.id())));
        });
    }

    /**
     * The gateway to store: the stored one when the body names none; otherwise only a manager (within the allow-list)
     * or the platform administrator may change it, to an address the policy accepts.
     */
    private Mono<Gateway> gateway(String mallId, String requested, PlatformUser user) {
        if (requested == null) {
            return settings.findById(mallId).map(s -> new Gateway(s.gatewayUrl(), s.gatewaySetByPlatform()))
                    .defaultIfEmpty(new Gateway(null, null));
        }
        boolean platform = user.has(Role.PLATFORM_ADMIN);
        if (!platform && !user.has(Role.MANAGER)) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "gateway-change-forbidden"));
        }
        if (requested.isEmpty()) {
            return Mono.just(new Gateway(null, null));
        }
        return Mono.fromCallable(() -> gateways.refusalToStore(requested, platform))
                .subscribeOn(Schedulers.boundedElastic())   // the check resolves the host name
                .flatMap(refusal -> refusal.isPresent() ? Mono.error(refused(refusal))
                        : Mono.just(new Gateway(requested, platform)));
    }

    private static ApiException refused(Optional<String> code) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "gateway-url-refused",
                Map.of("errors", List.of(Map.of("field", "gatewayUrl", "code", code.orElseThrow()))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package com.mallservicedesk.intake.settings;

import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/settings")
class SettingsController {

    record SettingsView(String mallId, Duration acceptanceLimit, Duration duplicateWindow, String gatewayUrl,
                        String timeZone, boolean defaults, Instant updatedAt, String updatedBy) {
        static SettingsView of(IntakeSettings s) {
            return new SettingsView(s.mallId(), s.acceptanceLimit(), s.duplicateWindow(), s.gatewayUrl(),
                    s.timeZone().getId(), s.updatedAt() == null, s.updatedAt(), s.updatedBy());
        }
    }

    private final MallSettings settings;

    SettingsController(MallSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<SettingsView> get(@PathVariable String mallId) {
        return settings.of(mallId).map(SettingsView::of);
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<SettingsView> put(@PathVariable String mallId, @Valid @RequestBody UpdateSettings body, PlatformUser user) {
        return settings.update(mallId, body, user).map(SettingsView::of);
    }
}

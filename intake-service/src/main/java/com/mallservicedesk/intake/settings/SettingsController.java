package com.mallservicedesk.intake.settings;

import com.mallservicedesk.intake.gateway.GatewayUrlPolicy;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
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

    /**
     * @param gatewayUrl only scheme, host and port ({@code https://sms.example.com/…}): the rest may hold a credential.
     *                   The front desk sees none of it, only whether a gateway is set.
     * @param deskHours  the front desk's working calendar in {@code timeZone}: service-level clocks count in it
     * @param revision   grows by one with every change; 0 while the mall runs on the defaults
     */
    record SettingsView(String mallId, Duration acceptanceLimit, Duration duplicateWindow, String gatewayUrl,
                        boolean gatewayConfigured, String timeZone, boolean defaults, Instant updatedAt, String updatedBy,
                        SiteKind siteKind, PublishedDeskHours deskHours, Duration complaintHandoverLimit,
                        int complaintInvestigationDays, int complaintFeedbackDays, int consultationReplyDays,
                        int suggestionEvaluationDays, long revision) {
        static SettingsView of(IntakeSettings s, PlatformUser viewer) {
            boolean seesGateway = viewer.has(Role.SUPERVISOR) || viewer.has(Role.MANAGER) || viewer.has(Role.PLATFORM_ADMIN);
            String gateway = s.gatewayUrl() == null || !seesGateway ? null : GatewayUrlPolicy.masked(s.gatewayUrl());
            return new SettingsView(s.mallId(), s.acceptanceLimit(), s.duplicateWindow(), gateway, s.gatewayUrl() != null,
                    s.timeZone().getId(), s.updatedAt() == null, s.updatedAt(), s.updatedBy(), s.siteKind(),
                    PublishedDeskHours.of(s.deskHours()), s.complaintHandoverLimit(), s.complaintInvestigationDays(),
                    s.complaintFeedbackDays(), s.consultationReplyDays(), s.suggestionEvaluationDays(), s.revision());
        }
    }

    private final MallSettings settings;

    SettingsController(MallSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'PLATFORM_ADMIN')")
    Mono<SettingsView> get(@PathVariable String mallId, PlatformUser user) {
        return settings.current(mallId).map(s -> SettingsView.of(s, user));
    }

    /** Supervisors change the rules; the gateway only a manager (allow-listed hosts) or the platform administrator. */
    @PutMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'PLATFORM_ADMIN')")
    Mono<SettingsView> put(@PathVariable String mallId, @Valid @RequestBody UpdateSettings body, PlatformUser user) {
        return settings.update(mallId, body, user).map(s -> SettingsView.of(s, user));
    }
}

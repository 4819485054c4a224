package com.mallservicedesk.survey.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The zone the mall's reports are counted in, read only: it is intake's mall setting (contract C1), changed there for
 * every service at once.
 */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/report-settings")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
class ReportSettingsController {

    private final MallSettings settings;

    ReportSettingsController(MallSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    Mono<MallSettings.SettingsView> get(@PathVariable String mallId) {
        return settings.view(mallId);
    }
}

package com.mallservicedesk.survey.settings;

import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

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

    @PutMapping
    Mono<MallSettings.SettingsView> put(@PathVariable String mallId, @Valid @RequestBody Change change, PlatformUser user) {
        return settings.change(mallId, change.zone(), user.id());
    }

    /** @param zone an IANA time zone, for example {@code Asia/Shanghai} */
    record Change(@NotBlank @Size(max = 64) String zone) {
    }
}

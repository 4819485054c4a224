package com.mallservicedesk.dispatch.escalation;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.web.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The mall's escalation contacts: who is named in an escalation's {@code targets} for the front desk, the CS
 * supervisor, the CS head and the property manager (department heads are set with their departments), and whether
 * what the CS head cannot resolve goes on to the property manager (seed 000 §3.1, §4.7 and its flow chart).
 */
@RestController
@RequestMapping("/api/v1/malls/{mallId}/escalation-contacts")
class EscalationSettingsController {

    record ContactBody(@NotBlank @Pattern(regexp = "FRONT_DESK|CS_SUPERVISOR|CS_HEAD|PROPERTY_MANAGER") String role,
                       @NotBlank @Size(max = 100) @PlainText String name,
                       @Size(max = 40) @PlainText String phone) {
    }

    /** @param unresolvedAtCsHeadGoesToManager default true */
    record SettingsBody(@NotNull @Size(max = 20) List<@NotNull @Valid ContactBody> contacts,
                        Boolean unresolvedAtCsHeadGoesToManager) {
    }

    record SettingsView(List<EscalationTarget> contacts, boolean unresolvedAtCsHeadGoesToManager, Instant updatedAt,
                        String updatedBy) {
        static SettingsView of(EscalationSettings s) {
            return new SettingsView(s.contactList(), s.goesToManager(), s.updatedAt(), s.updatedBy());
        }
    }

    private final EscalationContacts contacts;

    EscalationSettingsController(EscalationContacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DEPT_STAFF', 'FRONT_DESK', 'SUPERVISOR', 'MANAGER')")
    Mono<SettingsView> get(@PathVariable String mallId) {
        return contacts.settings(mallId).map(SettingsView::of);
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER')")
    Mono<SettingsView> put(@PathVariable String mallId, @Valid @RequestBody SettingsBody body, PlatformUser user) {
        return contacts.put(mallId, body.contacts().stream()
                                .map(c -> new EscalationTarget(EscalationRole.valueOf(c.role()), c.name(), c.phone())).toList(),
                        body.unresolvedAtCsHeadGoesToManager(), user)
                .map(SettingsView::of);
    }
}

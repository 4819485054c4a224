package com.mallservicedesk.dispatch.escalation;

import com.mallservicedesk.dispatch.department.DepartmentContact;
import com.mallservicedesk.dispatch.department.Departments;
import com.mallservicedesk.platform.security.PlatformUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Each mall's stored escalation contacts, and the directory one order's escalation reads them from. */
@Service
public class EscalationContacts {

    private final EscalationSettingsRepository repository;
    private final Departments departments;
    private final Clock clock;

    EscalationContacts(EscalationSettingsRepository repository, Departments departments, Clock clock) {
        this.repository = repository;
        this.departments = departments;
        this.clock = clock;
    }

    /**
     * Who an escalation of an order of {@code department} (null: none yet) can reach: per role the department's own
     * contacts (its head for {@code DEPARTMENT_HEAD}) first, else the mall's. Two reads by {@code _id}.
     */
    public Mono<EscalationDirectory> directoryFor(String mallId, String department) {
        return Mono.zip(settings(mallId), departments.escalationContactsOf(mallId, department)).map(both -> {
            Map<EscalationRole, List<EscalationTarget>> byRole = new EnumMap<>(EscalationRole.class);
            for (DepartmentContact contact : both.getT2()) {
                EscalationRole role = roleOf(contact.role());
                if (role != null) {
                    byRole.computeIfAbsent(role, r -> new ArrayList<>())
                            .add(new EscalationTarget(role, contact.name(), contact.phone()));
                }
            }
            Map<EscalationRole, List<EscalationTarget>> mall = new EnumMap<>(EscalationRole.class);
            for (EscalationTarget contact : both.getT1().contactList()) {
                if (contact.role() != null) {
                    mall.computeIfAbsent(contact.role(), r -> new ArrayList<>()).add(contact);
                }
            }
            mall.forEach(byRole::putIfAbsent);
            return new EscalationDirectory(byRole, both.getT1().goesToManager());
        });
    }

    Mono<EscalationSettings> settings(String mallId) {
        return repository.findById(mallId)
                .defaultIfEmpty(new EscalationSettings(mallId, List.of(), true, null, null));
    }

    Mono<EscalationSettings> put(String mallId, List<EscalationTarget> contacts, Boolean goesToManager, PlatformUser user) {
        return repository.save(new EscalationSettings(mallId, List.copyOf(contacts), goesToManager == null || goesToManager,
                clock.instant(), user.id()));
    }

    private static EscalationRole roleOf(String role) {
        try {
            return role == null ? null : EscalationRole.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}

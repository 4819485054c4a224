package com.mallservicedesk.dispatch.escalation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The people an escalation of one order can reach, read before the order is changed, so the order's rules stay plain
 * methods: per role the stored contacts (the department's own first, then the mall's), and whether what the CS head
 * leaves unresolved goes on to the property manager.
 *
 * @param contacts                        stored contacts per role; a role without any is named by its title only
 * @param unresolvedAtCsHeadGoesToManager seed 000 flow chart: 客服部負責人協調處理 → 物業部經理; a mall may stop at the
 *                                        CS head (default: it goes on)
 */
public record EscalationDirectory(Map<EscalationRole, List<EscalationTarget>> contacts,
                                  boolean unresolvedAtCsHeadGoesToManager) {

    public EscalationDirectory {
        contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
    }

    /** Nobody stored: every target is named by its role's title; the CS head's leftovers go to the manager. */
    public static EscalationDirectory empty() {
        return new EscalationDirectory(new EnumMap<>(EscalationRole.class), true);
    }

    /** The targets of the given roles, in that order: the stored contacts, or the role's title when there are none. */
    public List<EscalationTarget> targets(EscalationRole... roles) {
        List<EscalationTarget> targets = new ArrayList<>();
        for (EscalationRole role : roles) {
            List<EscalationTarget> stored = contacts.getOrDefault(role, List.of());
            if (stored.isEmpty()) {
                targets.add(new EscalationTarget(role, role.title(), null));
            } else {
                targets.addAll(stored);
            }
        }
        return targets;
    }
}

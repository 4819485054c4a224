package com.mallservicedesk.dispatch.escalation;

/**
 * Someone an escalation names as having to act (contract C5): the role, the person's name and their work phone
 * (nullable). Staff contact data: shown by the kit's phone rule and never logged.
 */
public record EscalationTarget(EscalationRole role, String name, String phone) {
}

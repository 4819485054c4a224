package com.mallservicedesk.dispatch.routing;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A mall's routing table: the first rule that matches names the department (交辦, seed 000 §4.4); the default
 * department catches the rest. Without a default, unmatched requests wait for the front desk to assign them.
 */
@Document("routing_rules")
record RoutingRules(@Id String mallId, List<RoutingRule> rules, String defaultDepartment, Instant updatedAt,
                    String updatedBy) {

    /** Each criterion left empty matches anything; text is compared ignoring case. */
    record RoutingRule(String kind, String category, String channel, String floor, String zone, String department) {

        boolean matches(RoutingFacts facts) {
            return same(kind, facts.kind()) && same(category, facts.category()) && same(channel, facts.channel())
                    && same(floor, facts.floor()) && same(zone, facts.zone());
        }

        private static boolean same(String criterion, String value) {
            return criterion == null || criterion.isBlank() || criterion.equalsIgnoreCase(value);
        }
    }

    String departmentFor(RoutingFacts facts) {
        return rules.stream().filter(rule -> rule.matches(facts)).map(RoutingRule::department).findFirst()
                .orElse(defaultDepartment);
    }
}

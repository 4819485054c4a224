package com.mallservicedesk.survey.directory;

import com.fasterxml.jackson.annotation.JsonAlias;

/** Survey's trimmed copy of {@code mall.intake.tenant.registered.v1} and {@code …updated.v1}. */
record TenantChanged(@JsonAlias("id") String tenantId, String name, String kind, String floor, String zone, String unit,
                     Boolean active) {
}

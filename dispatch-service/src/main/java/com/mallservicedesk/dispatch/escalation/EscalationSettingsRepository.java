package com.mallservicedesk.dispatch.escalation;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface EscalationSettingsRepository extends ReactiveMongoRepository<EscalationSettings, String> {
}

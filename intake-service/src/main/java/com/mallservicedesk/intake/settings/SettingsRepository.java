package com.mallservicedesk.intake.settings;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

public interface SettingsRepository extends ReactiveMongoRepository<IntakeSettings, String> {
}

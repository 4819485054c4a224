package com.mallservicedesk.dispatch.sla;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface SlaPolicyRepository extends ReactiveMongoRepository<SlaPolicyDocument, String> {
}

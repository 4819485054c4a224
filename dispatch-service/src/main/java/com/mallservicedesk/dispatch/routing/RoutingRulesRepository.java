package com.mallservicedesk.dispatch.routing;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface RoutingRulesRepository extends ReactiveMongoRepository<RoutingRules, String> {
}

package com.mallservicedesk.platform.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Skips the Testcontainers run of the integration tests, with that reason, where no Docker engine runs. */
public class InfrastructureAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestInfrastructure.containersRequested()) {
            return ConditionEvaluationResult.enabled("embedded Kafka and MongoDB-wire server");
        }
        return DockerClientFactory.instance().isDockerAvailable()
                ? ConditionEvaluationResult.enabled("Docker is available for Testcontainers")
                : ConditionEvaluationResult.disabled("Testcontainers run requested but no Docker engine is available; "
                        + "the same tests ran against the embedded servers");
    }
}

package com.mallservicedesk.platform.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents on every operation what the kit does for all of them: the problem responses, the Accept-Language header,
 * and the Idempotency-Key header's meaning where a controller accepts it.
 */
final class PlatformOperations implements OpenApiCustomizer {

    private static final String PARAMETERS = "#/components/parameters/";

    @Override
    public void customise(OpenAPI document) {
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().values().forEach(path -> path.readOperations().forEach(PlatformOperations::describe));
    }

    private static void describe(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        PlatformApiDocument.PROBLEM_RESPONSES.forEach((status, name) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
            }
        });
        operation.setResponses(responses);

        List<Parameter> parameters = new ArrayList<>();
        boolean language = false;
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            if (isHeader(parameter, "Idempotency-Key") && !Boolean.TRUE.equals(parameter.getRequired())) {
                // The shared description; an endpoint that requires the key keeps its own, required, parameter.
                parameter = new Parameter().$ref(PARAMETERS + PlatformApiDocument.IDEMPOTENCY_KEY);
            } else if (isHeader(parameter, "Accept-Language")) {
                language = true;
            }
            parameters.add(parameter);
        }
        if (!language) {
            parameters.add(new Parameter().$ref(PARAMETERS + PlatformApiDocument.ACCEPT_LANGUAGE));
        }
        operation.setParameters(parameters);
    }

    private static boolean isHeader(Parameter parameter, String name) {
        return "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName());
    }
}

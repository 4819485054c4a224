package com.mallservicedesk.platform.apidocs;

import com.mallservicedesk.platform.web.ListQuery;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents on every operation what the kit does for all of them: the problem responses, the Accept-Language header,
 * the Idempotency-Key header's meaning where a controller accepts it, and the bounds of a list's page and size.
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
            } else if (isQuery(parameter, "page")) {
                paging(parameter, 0, ListQuery.MAX_PAGE);
            } else if (isQuery(parameter, "size")) {
                paging(parameter, 1, ListQuery.MAX_SIZE);
            }
            parameters.add(parameter);
        }
        if (!language) {
            parameters.add(new Parameter().$ref(PARAMETERS + PlatformApiDocument.ACCEPT_LANGUAGE));
        }
        operation.setParameters(parameters);
    }

    /**
     * {@code page} and {@code size} are read as text (so a letter is a 400 problem, not a 500; see {@link ListQuery})
     * but are what the convention says: integers within its bounds, with the endpoint's default.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void paging(Parameter parameter, int minimum, int maximum) {
        Schema schema = new Schema<Integer>().specVersion(SpecVersion.V31).types(Set.of("integer")).format("int32")
                .minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(maximum));
        Object given = parameter.getSchema() == null ? null : parameter.getSchema().getDefault();
        if (given != null && given.toString().matches("[0-9]{1,9}")) {
            schema.setDefault(Integer.valueOf(given.toString()));
        }
        parameter.setSchema(schema);
    }

    private static boolean isQuery(Parameter parameter, String name) {
        return "query".equals(parameter.getIn()) && name.equals(parameter.getName());
    }

    private static boolean isHeader(Parameter parameter, String name) {
        return "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName());
    }
}

package com.mallservicedesk.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every service's document shares: the contract's security scheme, problem details and headers. */
final class PlatformApiDocument {

    static final String BEARER = "bearer";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String ACCEPT_LANGUAGE = "AcceptLanguage";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";

    /** The problem responses documented on every operation, by status: response component names. */
    static final Map<String, String> PROBLEM_RESPONSES = problemResponses();

    private PlatformApiDocument() {
    }

    static OpenAPI base(String application) {
        return new OpenAPI(SpecVersion.V31)
                .info(new Info().title(application).version("v1")
                        .description("Mall Service Desk: " + application + ". Every business endpoint is under "
                                + "/api/v1/malls/{mallId}/… and needs a bearer JWT; errors are RFC 9457 problem details "
                                + "(Chinese by default, English with Accept-Language: en)."))
                // Relative: the same document is right behind any host and port (and stays stable for the drift check).
                .servers(List.of(new Server().url("/")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("HS256 with the development secret locally; a JWK set, issuer and audience "
                                        + "in production. Claims: sub, name, malls, roles, dept, exp, aud."))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema())
                        .responses(responses())
                        .addParameters(ACCEPT_LANGUAGE, new Parameter().in("header").name("Accept-Language")
                                .required(false).schema(string())
                                .description("Language of problem titles and details: Chinese by default, English with 'en'.")
                                .example("en"))
                        .addParameters(IDEMPOTENCY_KEY, new Parameter().in("header").name("Idempotency-Key")
                                .required(false).schema(string())
                                .description("A retry with the same key and body returns the first result and creates "
                                        + "nothing new; the same key with another body is 422 idempotency-key-reused.")));
    }

    private static Map<String, String> problemResponses() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("400", "BadRequest");
        names.put("401", "Unauthorized");
        names.put("403", "Forbidden");
        names.put("404", "NotFound");
        names.put("409", "Conflict");
        names.put("422", "UnprocessableContent");
        return names;
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, String> descriptions = Map.of(
                "400", "Malformed request or invalid fields (code validation-failed, invalid-field, malformed-request, …)",
                "401", "No token or a bad one (code unauthorized)",
                "403", "The path's mall is not in the token (mall-forbidden), or the role may not call this (forbidden)",
                "404", "Not found, or it belongs to another mall",
                "409", "Conflicts with the current state",
                "422", "A rule of the domain refuses it, or an Idempotency-Key reused with another body");
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        PROBLEM_RESPONSES.forEach((status, name) -> responses.put(name, new ApiResponse()
                .description(descriptions.get(status))
                .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))))));
        return responses;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldError = object()
                .addProperty("field", string())
                .addProperty("code", string())
                .addProperty("message", string());
        return object()
                .description("RFC 9457 problem details with the platform's stable code")
                .addProperty("type", string().description("urn:mall-service-desk:problem:<code>"))
                .addProperty("title", string())
                .addProperty("status", new Schema<Integer>().specVersion(SpecVersion.V31).types(Set.of("integer"))
                        .format("int32"))
                .addProperty("detail", string())
                .addProperty("instance", string())
                .addProperty("code", string().description("Stable machine code"))
                .addProperty("errors", new Schema<>().specVersion(SpecVersion.V31).types(Set.of("array")).items(fieldError))
                .required(List.of("type", "title", "status", "code"));
    }

    private static Schema<Object> object() {
        return new Schema<>().specVersion(SpecVersion.V31).types(Set.of("object"));
    }

    private static Schema<String> string() {
        return new Schema<String>().specVersion(SpecVersion.V31).types(Set.of("string"));
    }
}

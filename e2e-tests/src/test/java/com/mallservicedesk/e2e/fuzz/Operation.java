package com.mallservicedesk.e2e.fuzz;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** One operation of a service's document. Schemas are as published; resolve their {@code $ref}s with the document. */
public record Operation(String service, String method, String path, List<Param> parameters, Body body,
                        List<String> produces) {

    public record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /** The request body: whether it is required, the media types it accepts (the first is used), its schema. */
    public record Body(boolean required, List<String> contentTypes, JsonNode schema) {

        public boolean multipart() {
            return !contentTypes.isEmpty() && contentTypes.get(0).startsWith("multipart/");
        }
    }

    public List<Param> in(String location) {
        return parameters.stream().filter(p -> location.equals(p.in())).toList();
    }

    /** Platform-wide reports span the malls by design: they are for operators with {@code malls: ["*"]}. */
    public boolean platformWide() {
        return path.startsWith("/api/v1/platform/");
    }

    public boolean streams() {
        return produces.stream().anyMatch(type -> type.startsWith("text/event-stream"));
    }

    public String label() {
        return method + " " + path;
    }
}

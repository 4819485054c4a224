package com.mallservicedesk.platform.events;

import java.util.regex.Pattern;

/**
 * A versioned CloudEvents type and the topic it travels on. Wire names are written out where the
 * event is declared, never derived from class names, so a rename in code cannot break a consumer.
 */
public record EventType(String type, String topic) {

    private static final Pattern TYPE = Pattern.compile("mall(\\.[a-z][a-z-]*){3,}\\.v\\d+");

    public EventType {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must look like mall.<service>.<aggregate>.<event>.v<N>: " + type);
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required for " + type);
        }
    }
}

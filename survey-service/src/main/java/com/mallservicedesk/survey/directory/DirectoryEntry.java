package com.mallservicedesk.survey.directory;

/** A store of the mall as the survey samples it: anchor stores (大店) and counters (專柜). */
public record DirectoryEntry(String tenantId, String name, String kind, String floor, String zone, String unit,
                             boolean active) {

    public static final String ANCHOR_STORE = "ANCHOR_STORE";
    public static final String COUNTER = "COUNTER";

    public boolean anchorStore() {
        return ANCHOR_STORE.equals(kind);
    }

    public boolean counter() {
        return COUNTER.equals(kind);
    }
}

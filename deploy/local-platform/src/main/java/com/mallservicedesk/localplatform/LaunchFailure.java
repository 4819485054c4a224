package com.mallservicedesk.localplatform;

import java.util.List;

/** A reason the platform cannot start or keep running, worded for the person at the console. */
public final class LaunchFailure extends Exception {

    /** The child whose log explains the failure, if any: its tail is printed with the message. */
    private final transient ChildProcess culprit;

    LaunchFailure(String message) {
        this(message, null);
    }

    LaunchFailure(String message, ChildProcess culprit) {
        super(message);
        this.culprit = culprit;
    }

    public List<String> logTail(int lines) {
        return culprit == null ? List.of() : culprit.tailOfLog(lines);
    }

    public ChildProcess culprit() {
        return culprit;
    }
}

package com.mallservicedesk.localplatform;

import java.util.List;
import java.util.Locale;

/** How the services' JVMs compile: quick to start (the default), or as in production, for measuring. */
public enum Jit {

    /**
     * C1 only and a small heap: five services plus the broker have to fit a laptop, and start-up time matters most.
     */
    C1(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),

    /** The full tiered JIT (C2), as production runs, with room to warm up: slower to start, faster once warm. */
    C2(List.of("-Xmx512m", "-XX:+UseSerialGC"));

    private final List<String> jvmOptions;

    Jit(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    static Jit parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown --jit: " + text + " (c1 or c2)");
        }
    }
}

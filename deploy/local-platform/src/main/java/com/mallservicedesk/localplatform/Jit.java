package com.mallservicedesk.localplatform;

import java.util.List;
import java.util.Locale;

/** How the services' JVMs compile: quick to start (the default), or as in production, for measuring. */
public enum Jit {

    /**
     * C1 only and a small heap: five services plus the broker have to fit a laptop, and start-up time matters most.
     */
    C1(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),

    /**
     * The full tiered JIT (C2), as production runs: slower to start, faster once warm. A fixed young generation of
     * 96 MB keeps the collector's share of the CPU low under load. The old generation starts at 64 MB and grows only
     * as its live data needs: sized from the default first heap (a 64th of the machine's memory), it took 256 MB,
     * filled with garbage over a long run before its first collection, and kept all of it resident.
     */
    C2(List.of("-Xms160m", "-Xmn96m", "-Xmx384m", "-XX:+UseSerialGC"));

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

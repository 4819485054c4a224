package com.mallservicedesk.e2e;

import java.util.List;
import java.util.Map;

/**
 * The service processes all end-to-end tests of this JVM share: started on first use, stopped when the JVM ends.
 * Seven JVMs take about a minute to start on two cores; starting them once per class would double the suite's time.
 * Two instances of intake and dispatch, as production runs them; the tests keep apart by using their own malls.
 */
final class SharedPlatform {

    static final Map<String, Integer> INSTANCES = Map.of("intake-service", 2, "dispatch-service", 2);

    private static ServiceProcesses platform;
    private static Exception startFailure;

    private SharedPlatform() {
    }

    static synchronized ServiceProcesses get() throws Exception {
        // A failed start is not retried: every later test fails with the same cause instead of starting seven more.
        if (startFailure != null) {
            throw startFailure;
        }
        if (platform == null) {
            try {
                platform = ServiceProcesses.start(INSTANCES);
            } catch (Exception e) {
                startFailure = e;
                throw e;
            }
        }
        return platform;
    }

    /** The shared platform with the web console in front of it; the console's development users work in these malls. */
    static synchronized ServiceProcesses withConsole(List<String> malls) throws Exception {
        ServiceProcesses started = get();
        started.startConsole(malls);
        return started;
    }
}

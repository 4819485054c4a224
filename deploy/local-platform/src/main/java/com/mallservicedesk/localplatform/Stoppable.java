package com.mallservicedesk.localplatform;

import java.time.Duration;

/** What the launcher stops on the way out, in two steps so that a whole stage can stop at once. */
interface Stoppable {

    String name();

    boolean isAlive();

    /** Asks to stop (SIGTERM) without waiting. */
    void requestStop();

    /** Waits for the end after {@link #requestStop()}; kills what has not ended within {@code grace}. */
    void awaitStop(Duration grace);
}

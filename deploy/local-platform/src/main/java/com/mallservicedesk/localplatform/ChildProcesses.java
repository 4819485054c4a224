package com.mallservicedesk.localplatform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The running children (or their supervisors) in start order, each in a named stage. Stopping goes stage by stage
 * in reverse (services before the broker, the broker before the database) and waits for each, so nothing is left
 * behind and data files are closed cleanly. The children of one stage stop together: five services shutting down
 * gracefully one after the other would take five times as long.
 */
final class ChildProcesses {

    /** Generous: a broker's controlled shutdown and a service's graceful shutdown take a few seconds here. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private record Entry(String stage, Stoppable child) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean closed;

    /** Registers a started child; one that starts after stopping began is stopped at once instead of orphaned. */
    synchronized void add(String stage, Stoppable child) throws LaunchFailure {
        if (closed) {
            child.requestStop();
            child.awaitStop(STOP_GRACE);
            throw new LaunchFailure("Stopping: " + child.name() + " was stopped right after its start");
        }
        entries.add(new Entry(stage, child));
    }

    synchronized List<Stoppable> snapshot() {
        return entries.stream().map(Entry::child).toList();
    }

    /** Stops every child, newest stage first, reporting each one as it ends. Later calls do nothing. */
    void stopAll(Consumer<String> report) {
        List<Entry> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(entries);
        }
        int end = toStop.size();
        while (end > 0) {
            String stage = toStop.get(end - 1).stage();
            int start = end;
            while (start > 0 && toStop.get(start - 1).stage().equals(stage)) {
                start--;
            }
            stopStage(toStop.subList(start, end), report);
            end = start;
        }
    }

    private static void stopStage(List<Entry> stage, Consumer<String> report) {
        long started = System.nanoTime();
        List<Stoppable> all = stage.stream().map(Entry::child).toList();
        List<Stoppable> alive = all.stream().filter(Stoppable::isAlive).toList();
        // Every one is asked, alive or not: a supervisor waiting to restart its child must not do so any more.
        all.forEach(Stoppable::requestStop);
        for (int i = alive.size() - 1; i >= 0; i--) {
            Stoppable child = alive.get(i);
            child.awaitStop(STOP_GRACE);
            report.accept(String.format("%-18s stopped (%.1f s)", child.name(), (System.nanoTime() - started) / 1e9));
        }
    }
}

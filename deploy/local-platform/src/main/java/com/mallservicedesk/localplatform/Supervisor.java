package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps one child running: once {@link #supervise() supervising}, a child that ends by itself is reported with its
 * exit code and started again after a back-off; a child asked to stop stays stopped. Before supervision starts, an
 * exit is left to whoever started the child (the launcher treats it as a failed start). A child that runs but says
 * it is not alive several times in a row (its liveness probe, {@link #watchLiveness}) is stopped, which restarts it,
 * as an orchestrator does.
 */
final class Supervisor implements Stoppable {

    /** Starts the child; {@code afterCrash} keeps the log of the run that crashed, to be read later. */
    @FunctionalInterface
    interface Launch {
        ChildProcess start(boolean afterCrash) throws IOException, InterruptedException, LaunchFailure;
    }

    /** Waits until a started child serves (port open, health UP); returns the time it took. */
    @FunctionalInterface
    interface Readiness {
        Duration await(ChildProcess child) throws LaunchFailure, InterruptedException;
    }

    /** Asks a running child whether it is alive: why not, or empty when it is (or cannot tell, e.g. still starting). */
    @FunctionalInterface
    interface Liveness {
        Optional<String> notAlive(ChildProcess child);
    }

    /** How often the liveness probe runs, and how many answers of "not alive" in a row restart the child. */
    record LivenessChecks(Duration interval, int failuresBeforeRestart, Duration stopGrace) {

        static final LivenessChecks STANDARD = new LivenessChecks(Duration.ofSeconds(10), 3, Duration.ofSeconds(30));
    }

    private final String name;
    private final Launch launch;
    private final Readiness readiness;
    private final RestartBackoff backoff;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> report;

    private ChildProcess current;
    private boolean supervising;
    private boolean stopping;
    private int crashesInARow;
    private int restarts;
    private ScheduledFuture<?> pendingRestart;
    private Liveness liveness;
    private LivenessChecks livenessChecks;
    private int notAliveInARow;
    /** The child this supervisor is stopping for failing its liveness: not asked again while it shuts down. */
    private ChildProcess stoppedForLiveness;

    Supervisor(String name, Launch launch, Readiness readiness, RestartBackoff backoff,
               ScheduledExecutorService scheduler, Consumer<String> report) {
        this.name = name;
        this.launch = launch;
        this.readiness = readiness;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.report = report;
    }

    /** The first start; the caller waits for readiness and decides what a failure means. */
    synchronized ChildProcess start() throws IOException, InterruptedException, LaunchFailure {
        current = launch.start(false);
        return current;
    }

    /** Once supervising, the child is asked whether it is alive; a child that keeps saying no is restarted. */
    synchronized Supervisor watchLiveness(Liveness probe, LivenessChecks checks) {
        this.liveness = probe;
        this.livenessChecks = checks;
        return this;
    }

    /** From now on an exit nobody asked for restarts the child. */
    void supervise() {
        ChildProcess child;
        LivenessChecks checks;
        synchronized (this) {
            supervising = true;
            child = current;
            checks = liveness == null ? null : livenessChecks;
        }
        watch(child);
        if (checks != null) {
            scheduler.scheduleWithFixedDelay(this::checkLiveness, checks.interval().toMillis(),
                    checks.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One liveness round. A child not alive {@code failuresBeforeRestart} times in a row is stopped (SIGTERM, killed
     * after the grace); its exit then restarts it like any other. A restarted child starts its count afresh.
     */
    private void checkLiveness() {
        ChildProcess child;
        synchronized (this) {
            child = current;
            if (stopping || child == null || !child.isAlive() || child == stoppedForLiveness) {
                notAliveInARow = 0;
                return;
            }
        }
        Optional<String> why;
        try {
            why = liveness.notAlive(child);
        } catch (RuntimeException e) {
            why = Optional.empty();
        }
        int inARow;
        synchronized (this) {
            if (child != current || stopping) {
                return;
            }
            notAliveInARow = why.isPresent() ? notAliveInARow + 1 : 0;
            inARow = notAliveInARow;
            if (inARow < livenessChecks.failuresBeforeRestart()) {
                return;
            }
            notAliveInARow = 0;
            stoppedForLiveness = child;
        }
        report.accept(String.format("%-18s is not alive (%s) %d times in a row; stopping it to restart it (log: %s)",
                name, why.orElseThrow(), inARow, child.logFile()));
        Thread stopper = new Thread(() -> child.stop(livenessChecks.stopGrace()), "stop-" + name);
        stopper.setDaemon(true);
        stopper.start();
    }

    @Override
    public String name() {
        return name;
    }

    /** The child running now (or the last one, while a restart is pending). */
    synchronized ChildProcess current() {
        return current;
    }

    synchronized int restarts() {
        return restarts;
    }

    @Override
    public synchronized boolean isAlive() {
        return current != null && current.isAlive();
    }

    /** No more restarts from now on; the child keeps running until asked to stop. */
    synchronized void stopRestarting() {
        stopping = true;
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
        }
    }

    @Override
    public void requestStop() {
        stopRestarting();
        ChildProcess child = current();
        if (child != null) {
            child.requestStop();
        }
    }

    @Override
    public void awaitStop(Duration grace) {
        ChildProcess child = current();
        if (child != null) {
            child.awaitStop(grace);
        }
    }

    private void watch(ChildProcess child) {
        child.onExit().thenRun(() -> exited(child));
    }

    private void exited(ChildProcess child) {
        Duration delay;
        synchronized (this) {
            if (!supervising || stopping || child != current) {
                return;
            }
            delay = scheduleRestart(child.sinceStart());
        }
        report.accept(String.format("%-18s exited with code %s; restarting in %s (log: %s)", name,
                describe(child.exitValue()), seconds(delay), child.logFile()));
    }

    /** Called holding the monitor. */
    private Duration scheduleRestart(Duration upFor) {
        if (upFor.compareTo(backoff.resetAfter()) >= 0) {
            crashesInARow = 0;
        }
        Duration delay = backoff.delay(crashesInARow++);
        pendingRestart = scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
        return delay;
    }

    private void restart() {
        ChildProcess child;
        synchronized (this) {
            if (stopping) {
                return;
            }
            try {
                child = launch.start(true);
            } catch (IOException | LaunchFailure | RuntimeException e) {
                Duration delay = scheduleRestart(Duration.ZERO);
                report.accept(String.format("%-18s could not be restarted (%s); next attempt in %s", name,
                        e.getMessage(), seconds(delay)));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            current = child;
            restarts++;
        }
        report.accept(String.format("%-18s restarted (pid %d)", name, child.pid()));
        watch(child);
        awaitReady(child);
    }

    private void awaitReady(ChildProcess child) {
        try {
            Duration up = readiness.await(child);
            report.accept(String.format("%-18s UP again (%.1f s)", name, up.toMillis() / 1000.0));
        } catch (LaunchFailure e) {
            // An exit is reported by exited(); only a child that runs but does not serve needs a word here.
            if (child.isAlive() && !isStopping()) {
                report.accept(e.getMessage() + "; it keeps running (log: " + child.logFile() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** Exit codes above 128 mean a signal on POSIX systems: say which, since 137 (SIGKILL) is the usual crash. */
    static String describe(int exitCode) {
        return switch (exitCode) {
            case 137 -> "137 (killed: SIGKILL)";
            case 143 -> "143 (terminated: SIGTERM)";
            case 134 -> "134 (aborted: SIGABRT)";
            default -> exitCode > 128 && exitCode < 160 ? exitCode + " (signal " + (exitCode - 128) + ")"
                    : Integer.toString(exitCode);
        };
    }

    private static String seconds(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
    }
}

package com.mallservicedesk.localplatform;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One child process whose standard output and error go to its own log file, never to the launcher's console. */
public final class ChildProcess implements Stoppable {

    static final String MALLOC_ARENAS = "MALLOC_ARENA_MAX";

    private static final int TAIL_BYTES = 64 * 1024;

    private final String name;
    private final Path logFile;
    private final Process process;
    private final long startedAtNanos;

    private ChildProcess(String name, Path logFile, Process process, long startedAtNanos) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.startedAtNanos = startedAtNanos;
    }

    /**
     * Starts the command. With {@code appendToLog} the log keeps what an earlier step wrote to it (the Kafka storage
     * format before the broker); otherwise each start begins a fresh log so a failure's tail is about this run.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workingDir,
                              Path logFile, boolean appendToLog) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(ignoringInterrupt(command))
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()));
        // glibc gives threads that allocate up to eight malloc arenas per core, and each keeps what was freed in it
        // (a service's two busiest held 54 MB). Two arenas are plenty for a JVM, which allocates little with malloc.
        // A setting of the user's own is kept.
        builder.environment().putIfAbsent(MALLOC_ARENAS, "2");
        builder.environment().putAll(environment);
        long startedAt = System.nanoTime();
        Process process = builder.start();
        // Nothing is ever typed into a child: give it end-of-input instead of a pipe that stays open.
        process.getOutputStream().close();
        return new ChildProcess(name, logFile, process, startedAt);
    }

    /**
     * Ctrl-C in a terminal signals the whole foreground process group, children included: they would all stop at
     * once, the broker under the services' feet. A child that starts with SIGINT ignored keeps ignoring it (the JVM
     * installs no handler for an ignored signal), so only the launcher gets Ctrl-C and stops the children in order
     * with SIGTERM. {@code exec} keeps the pid, so stopping signals the JVM itself.
     */
    static List<String> ignoringInterrupt(List<String> command) {
        if (File.separatorChar == '\\') {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh"));
        wrapped.addAll(command);
        return wrapped;
    }

    @Override
    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAtNanos);
    }

    /** Waits up to {@code timeout} for the process to end; doubles as the pause between readiness probes. */
    boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the process to stop (SIGTERM: its shutdown hooks run), and kills it if it has not ended in time. */
    public void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** SIGTERM: the child's shutdown hooks run (graceful web shutdown, broker controlled shutdown, H2 close). */
    @Override
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the end after {@link #requestStop()}; kills the process if it has not ended in time. */
    @Override
    public void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: no shutdown hook runs, as when the process crashes or the kernel's OOM killer ends it. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, read from its end so a large broker log costs nothing. */
    List<String> tailOfLog(int lines) {
        if (!Files.isRegularFile(logFile)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}

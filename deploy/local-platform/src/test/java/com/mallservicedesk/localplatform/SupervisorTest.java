package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes (a tiny Java main) crash, are restarted with back-off, and stay stopped when stopped. */
class SupervisorTest {

    private static final RestartBackoff FAST = new RestartBackoff(Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofMinutes(1));
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.requestStop();
            supervisor.awaitStop(Duration.ofSeconds(10));
        }
        scheduler.shutdownNow();
    }

    @Test
    void aKilledChildIsRestartedAndTheCrashReportedWithItsExitCode() throws Exception {
        supervisor = supervisor();
        ChildProcess first = supervisor.start();
        supervisor.supervise();
        await("first run up").atMost(RESTART_TIMEOUT).until(() -> runsInLog() == 1);

        first.kill();

        await("restart").atMost(RESTART_TIMEOUT).until(() -> supervisor.restarts() == 1 && supervisor.isAlive());
        ChildProcess second = supervisor.current();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(reports).anySatisfy(line -> assertThat(line)
                .contains("stand-in", "exited with code 137 (killed: SIGKILL); restarting in 100 ms"));
        await("restart reported").atMost(RESTART_TIMEOUT).until(() -> reports.stream()
                .anyMatch(line -> line.contains("restarted (pid " + second.pid() + ")")));
        // The crashed run's log is kept: the restart appends to it.
        await("both runs in the log").atMost(RESTART_TIMEOUT).until(() -> runsInLog() == 2);

        second.kill();

        await("second restart").atMost(RESTART_TIMEOUT).until(() -> supervisor.restarts() == 2 && supervisor.isAlive());
        assertThat(reports).anySatisfy(line -> assertThat(line).contains("restarting in 200 ms"));
    }

    @Test
    void aChildThatKeepsCrashingIsRestartedEverLaterUpToTheCap() throws Exception {
        supervisor = supervisor("3");
        supervisor.start();
        supervisor.supervise();

        await("four restarts").atMost(RESTART_TIMEOUT).until(() -> supervisor.restarts() >= 4);
        assertThat(reports).filteredOn(line -> line.contains("exited with code 3;")).extracting(
                line -> line.substring(line.indexOf("restarting in")))
                .startsWith("restarting in 100 ms (log: " + dir.resolve("stand-in.log") + ")",
                        "restarting in 200 ms (log: " + dir.resolve("stand-in.log") + ")",
                        "restarting in 400 ms (log: " + dir.resolve("stand-in.log") + ")",
                        "restarting in 400 ms (log: " + dir.resolve("stand-in.log") + ")");
    }

    @Test
    void aStoppedChildIsNotRestarted() throws Exception {
        supervisor = supervisor();
        ChildProcess child = supervisor.start();
        supervisor.supervise();

        supervisor.requestStop();
        supervisor.awaitStop(Duration.ofSeconds(10));

        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitValue()).isEqualTo(143);
        await("no restart").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> supervisor.restarts() == 0 && !supervisor.isAlive());
        assertThat(reports).isEmpty();
    }

    @Test
    void aChildThatEndsBeforeSupervisionStartsIsLeftToTheLauncher() throws Exception {
        supervisor = supervisor();
        ChildProcess child = supervisor.start();

        child.kill();

        await("no restart").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> supervisor.restarts() == 0 && !supervisor.isAlive());
        assertThat(reports).isEmpty();
    }

    @Test
    void aChildThatKeepsSayingItIsNotAliveIsStoppedAndRestarted() throws Exception {
        var down = new java.util.concurrent.atomic.AtomicReference<String>();
        supervisor = supervisor().watchLiveness(child -> java.util.Optional.ofNullable(down.get()),
                new Supervisor.LivenessChecks(Duration.ofMillis(100), 3, Duration.ofSeconds(5)));
        ChildProcess first = supervisor.start();
        supervisor.supervise();
        await("first run up").atMost(RESTART_TIMEOUT).until(() -> runsInLog() == 1);

        down.set("consumers DOWN");

        await("restart").atMost(RESTART_TIMEOUT).until(() -> supervisor.restarts() == 1 && supervisor.isAlive());
        down.set(null);
        assertThat(first.isAlive()).isFalse();
        assertThat(reports).anySatisfy(line -> assertThat(line)
                .contains("stand-in", "is not alive (consumers DOWN) 3 times in a row; stopping it to restart it"));
        // SIGTERM, not a kill: the child's shutdown hooks ran.
        assertThat(reports).anySatisfy(line -> assertThat(line).contains("exited with code 143 (terminated: SIGTERM)"));
        await("the alive child stays").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> supervisor.restarts() == 1 && supervisor.isAlive());
    }

    @Test
    void exitCodesOfSignalsAreNamed() {
        assertThat(Supervisor.describe(137)).isEqualTo("137 (killed: SIGKILL)");
        assertThat(Supervisor.describe(143)).isEqualTo("143 (terminated: SIGTERM)");
        assertThat(Supervisor.describe(139)).isEqualTo("139 (signal 11)");
        assertThat(Supervisor.describe(1)).isEqualTo("1");
    }

    private int runsInLog() throws Exception {
        Path log = dir.resolve("stand-in.log");
        return Files.exists(log) ? Files.readString(log).split("stand-in child running", -1).length - 1 : 0;
    }

    /** A supervisor of the stand-in child, which ends at once with {@code exitCode} if given. */
    private Supervisor supervisor(String... exitCode) throws Exception {
        JavaCommand java = TestProcesses.testJava();
        List<String> command = java.mainClass(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                StandInChild.class.getName(), exitCode);
        return new Supervisor("stand-in",
                afterCrash -> ChildProcess.start("stand-in", command, Map.of(), dir, dir.resolve("stand-in.log"),
                        afterCrash),
                ChildProcess::sinceStart, FAST, scheduler, reports::add);
    }
}

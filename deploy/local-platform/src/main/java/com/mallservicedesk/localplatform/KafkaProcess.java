package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker as a child process, run from the Maven jars on the launcher's classpath. The storage
 * is formatted once, on the first start; later starts reuse the log directory, so topics and offsets survive.
 */
final class KafkaProcess {

    static final String NAME = "kafka";

    private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
            "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=local-platform-log4j2.xml");
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private final JavaCommand java;
    private final KafkaServerConfig config;
    private final Path configDir;
    private final Path logFile;

    KafkaProcess(JavaCommand java, KafkaServerConfig config, Path configDir, Path logFile) {
        this.java = java;
        this.config = config;
        this.configDir = configDir;
        this.logFile = logFile;
    }

    KafkaServerConfig config() {
        return config;
    }

    /** KRaft writes this file when formatting; its absence means the log directory was never formatted. */
    boolean isFormatted() {
        return Files.isRegularFile(config.logDir().resolve("meta.properties"));
    }

    ChildProcess start() throws IOException, InterruptedException, LaunchFailure {
        return start(false);
    }

    /** {@code appendToLog} keeps the log of an earlier run, as after a crash; a format's output is always kept. */
    ChildProcess start(boolean appendToLog) throws IOException, InterruptedException, LaunchFailure {
        Files.createDirectories(configDir);
        Files.createDirectories(config.logDir());
        Path serverProperties = configDir.resolve("server.properties");
        Files.writeString(serverProperties, config.render(), StandardCharsets.UTF_8);
        boolean formattedNow = false;
        if (!isFormatted()) {
            format(serverProperties, appendToLog);
            formattedNow = true;
        }
        return ChildProcess.start(NAME, java.mainClass(JVM_OPTIONS, "kafka.Kafka", serverProperties.toString()),
                Map.of(), configDir, logFile, appendToLog || formattedNow);
    }

    private void format(Path serverProperties, boolean appendToLog)
            throws IOException, InterruptedException, LaunchFailure {
        ChildProcess format = ChildProcess.start(NAME + " storage format",
                java.mainClass(JVM_OPTIONS, "kafka.tools.StorageTool", "format",
                        "-t", Uuid.randomUuid().toString(), "-c", serverProperties.toString()),
                Map.of(), configDir, logFile, appendToLog);
        if (!format.waitForExit(FORMAT_TIMEOUT)) {
            format.stop(Duration.ofSeconds(5));
            throw new LaunchFailure("Formatting the Kafka storage in " + config.logDir() + " did not finish within "
                    + FORMAT_TIMEOUT.toSeconds() + " s", format);
        }
        if (format.exitValue() != 0) {
            throw new LaunchFailure("Formatting the Kafka storage in " + config.logDir() + " failed (exit code "
                    + format.exitValue() + "); if the directory holds leftovers, start with --clean", format);
        }
    }
}

package com.mallservicedesk.localplatform;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the launcher was asked to do: command-line flags plus the {@code LOCAL_PLATFORM_HOME} environment variable.
 *
 * @param repoRoot the repository holding the services' modules
 * @param home     where data, logs and generated configuration go
 * @param clean    wipe the data before starting
 * @param help     only print the usage
 */
record LauncherOptions(Path repoRoot, Path home, boolean clean, boolean help) {

    static final String HOME_VARIABLE = "LOCAL_PLATFORM_HOME";

    static LauncherOptions parse(String[] args, Map<String, String> environment, Path repoRoot) {
        boolean clean = false;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--clean" -> clean = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        String homeSetting = environment.get(HOME_VARIABLE);
        Path home = homeSetting == null || homeSetting.isBlank() ? repoRoot.resolve(".local")
                : repoRoot.resolve(homeSetting);
        return new LauncherOptions(repoRoot, home.toAbsolutePath().normalize(), clean, help);
    }

    Path dataDir() {
        return home.resolve("data");
    }

    Path kafkaDataDir() {
        return dataDir().resolve("kafka");
    }

    Path mongoDataFile() {
        return dataDir().resolve("mongo").resolve("platform.mv");
    }

    Path logsDir() {
        return home.resolve("logs");
    }

    Path configDir() {
        return home.resolve("config");
    }

    static String usage() {
        return """
                Usage: deploy/run-local.sh [--clean] [--no-build] [--help]

                Builds the project, then runs the whole Mall Service Desk on this machine without Docker:
                  MongoDB-wire server (H2 file)   mongodb://127.0.0.1:27017
                  Apache Kafka broker (KRaft)     127.0.0.1:9092, controller 127.0.0.1:9093
                  intake-service .. survey-service on http://127.0.0.1:8081 .. 8085
                Data survives restarts. Logs of every process go to <home>/logs. Ctrl-C stops everything.

                Options:
                  --clean      wipe <home>/data (Kafka log directory, Mongo file) before starting
                  --no-build   skip the Maven build and use the jars of the last build
                  --help       print this message

                Environment:
                  LOCAL_PLATFORM_HOME   data, logs and generated configuration (default: <repo>/.local;
                                        a relative path is taken from the repository root)
                  PLATFORM_JWT_SECRET   secret the services check tokens against (default: the development secret)
                  JAVA_HOME             the Java to build and run with (default: java on the PATH)

                Development tokens: deploy/dev-token.sh --help
                """;
    }
}

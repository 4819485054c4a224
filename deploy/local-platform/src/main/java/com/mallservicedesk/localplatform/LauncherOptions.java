package com.mallservicedesk.localplatform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher was asked to do: command-line flags plus the {@code LOCAL_PLATFORM_HOME} environment variable.
 *
 * @param repoRoot  the repository holding the services' modules
 * @param home      where data, logs and generated configuration go
 * @param clean     wipe the data before starting
 * @param help      only print the usage
 * @param instances how many instances of a service to run, for those asked for more than one
 * @param jit       how the services' JVMs compile
 * @param intakeNice the CPU priority (nice) of intake's instances: above 0 they yield to the services behind them
 */
record LauncherOptions(Path repoRoot, Path home, boolean clean, boolean help, Map<String, Integer> instances,
                       Jit jit, int intakeNice) {

    /**
     * Intake is the front door: under a flood it can take requests faster than the consumers behind it finish them,
     * and on shared cores it takes their CPU while doing so. Measured with a burst of 2,000 on 2 cores, intake at nice
     * 10 left 383 work orders to open at the burst's last answer (1,660 at nice 0), opened 5.8 s later (35 s), and
     * the burst was done end to end in 45 s instead of 71.
     */
    static final int DEFAULT_INTAKE_NICE = 10;

    static final String HOME_VARIABLE = "LOCAL_PLATFORM_HOME";

    LauncherOptions {
        instances = Map.copyOf(instances);
    }

    static LauncherOptions parse(String[] args, Map<String, String> environment, Path repoRoot) {
        boolean clean = false;
        boolean help = false;
        Map<String, Integer> instances = Map.of();
        Jit jit = Jit.C1;
        int intakeNice = DEFAULT_INTAKE_NICE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--clean" -> clean = true;
                case "--help", "-h" -> help = true;
                case "--instances", "--jit", "--intake-nice" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    if (name.equals("--jit")) {
                        jit = Jit.parse(value);
                    } else if (name.equals("--intake-nice")) {
                        intakeNice = parseNice(value);
                    } else {
                        instances = parseInstances(value);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        String homeSetting = environment.get(HOME_VARIABLE);
        Path home = homeSetting == null || homeSetting.isBlank() ? repoRoot.resolve(".local")
                : repoRoot.resolve(homeSetting);
        return new LauncherOptions(repoRoot, home.toAbsolutePath().normalize(), clean, help, instances, jit,
                intakeNice);
    }

    static int parseNice(String value) {
        try {
            int nice = Integer.parseInt(value.strip());
            if (nice >= 0 && nice <= 19) {
                return nice;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--intake-nice wants 0 (as the others) to 19 (yields the most), not: " + value);
    }

    /** {@code intake-service=2,dispatch-service=2}: each service named at most once, 1 to the maximum instances. */
    static Map<String, Integer> parseInstances(String value) {
        Map<String, Integer> instances = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String[] parts = entry.strip().split("=", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--instances wants service=count[,service=count…], not: " + entry);
            }
            String service = PlatformService.named(parts[0].strip()).name();
            int count;
            try {
                count = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--instances: not a count: " + entry);
            }
            if (count < 1 || count > PlatformService.MAX_INSTANCES) {
                throw new IllegalArgumentException("--instances: " + service + " can run 1 to "
                        + PlatformService.MAX_INSTANCES + " instances, not " + count);
            }
            if (instances.put(service, count) != null) {
                throw new IllegalArgumentException("--instances names " + service + " twice");
            }
        }
        return instances;
    }

    /** Every service instance to run, in service order, the first instances on the standard ports. */
    List<ServiceInstance> serviceInstances() {
        List<ServiceInstance> all = new ArrayList<>();
        for (PlatformService service : PlatformService.ALL) {
            int count = instances.getOrDefault(service.name(), 1);
            for (int number = 1; number <= count; number++) {
                all.add(service.instance(number));
            }
        }
        return all;
    }

    Path dataDir() {
        return home.resolve("data");
    }

    Path kafkaDataDir() {
        return dataDir().resolve("kafka");
    }

    /** Documents stored as BSON; the name changed with the format, so a store of the earlier format is never misread. */
    Path mongoDataFile() {
        return dataDir().resolve("mongo").resolve("platform.bson.mv");
    }

    /** Where versions before the BSON format kept the store (documents serialised by Java). */
    Path earlierMongoDataFile() {
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
                Usage: deploy/run-local.sh [--clean] [--no-build] [--instances service=n,...] [--jit c1|c2]
                                           [--intake-nice n] [--help]

                Builds the project, then runs the whole Mall Service Desk on this machine without Docker:
                  MongoDB-wire server (H2 file)   mongodb://127.0.0.1:27017
                  Apache Kafka broker (KRaft)     127.0.0.1:9092, controller 127.0.0.1:9093
                  intake-service .. survey-service on http://127.0.0.1:8081 .. 8085
                  the web console                 http://127.0.0.1:8080 (development users to pick from)
                Data survives restarts, and every acknowledged write survives a crash of the MongoDB-wire server.
                A process that crashes, or a service whose liveness probe fails three times in a row, is started
                again after 1 s, 2 s, 4 s ... (at most 30 s); the rest keeps running. Logs of every process go to <home>/logs, the launcher's own to <home>/logs/launcher.log.
                Ctrl-C stops everything.

                Options:
                  --clean        wipe <home>/data (Kafka log directory, Mongo file) before starting
                  --no-build     skip the Maven build and use the jars of the last build
                  --instances    run more instances of services, e.g. intake-service=2,dispatch-service=2 (1 to 4
                                 each). Instance n listens on the service's port + 10000 x (n-1): intake-service
                                 on 8081 and 18081, dispatch-service on 8082 and 18082, ...; it logs to
                                 <home>/logs/<service>-<n>.log. All instances share Kafka and MongoDB, so the
                                 instances of a service form one consumer group.
                  --jit          c1 (default): services compile with C1 only and -Xmx256m, to start fast;
                                 c2: the full JIT as in production and a larger heap, for measuring
                  --intake-nice  CPU priority of intake's instances, 0 to 19 (default 10): above 0, intake
                                 yields the cores to the services behind it when both want them, so under a
                                 flood it accepts at the pace the platform completes the work; 0 runs it as
                                 the others
                  --help         print this message

                Environment:
                  LOCAL_PLATFORM_HOME   data, logs and generated configuration (default: <repo>/.local;
                                        a relative path is taken from the repository root)
                  PLATFORM_JWT_SECRET   secret the services check tokens against (default: the development secret)
                  JAVA_HOME             the Java to build and run with (default: java on the PATH)

                Development tokens: deploy/dev-token.sh --help
                """;
    }
}

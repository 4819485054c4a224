package com.mallservicedesk.benchmarks.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the platform's java processes in {@code /proc} (Linux): those that run the five service jars, the Kafka
 * broker ({@code kafka.Kafka}) and the MongoDB-wire server ({@code MongoServerMain}). Only the descendants of the
 * local platform's launcher whose service answers on the benchmarked intake port count (the launcher passes
 * {@code SERVER_PORT} to each service), so other platforms and test runs on the machine are left out. Without such
 * a launcher, every process whose command line matches counts. On another machine's platform it finds none.
 */
public final class PlatformProcesses {

    static final String LAUNCHER_MAIN = "com.mallservicedesk.localplatform.LocalPlatform";
    private static final Pattern SERVICE_JAR = Pattern.compile(
            "(?:.*/)?(intake|dispatch|callback|claims|survey)-service-[^/]*-exec\\.jar");

    private final Path proc;
    private final int servicePort;

    /** @param servicePort the port of one of the platform's services (intake's), to tell platforms apart */
    public PlatformProcesses(int servicePort) {
        this(Path.of("/proc"), servicePort);
    }

    PlatformProcesses(Path proc, int servicePort) {
        this.proc = proc;
        this.servicePort = servicePort;
    }

    /** Where the processes' files are: {@code /proc/<pid>/…}. */
    public Path proc() {
        return proc;
    }

    /** The platform's processes running now. */
    public List<PlatformProcess> find() {
        return candidates().flatMap(pid -> commandLine(pid).flatMap(PlatformProcesses::name)
                .map(name -> new PlatformProcess(pid, name)).stream()).toList();
    }

    /** The descendants of the launcher that runs the benchmarked platform, otherwise every process. */
    private Stream<Long> candidates() {
        List<Long> all = pids();
        String serverPort = "SERVER_PORT=" + servicePort;
        Optional<List<Long>> platform = all.stream()
                .filter(pid -> commandLine(pid).map(args -> args.contains(LAUNCHER_MAIN)).orElse(false))
                .map(launcher -> ProcessHandle.of(launcher).stream().flatMap(ProcessHandle::descendants)
                        .map(ProcessHandle::pid).toList())
                .filter(descendants -> descendants.stream().anyMatch(pid -> environment(pid).contains(serverPort)))
                .findFirst();
        return platform.map(List::stream).orElseGet(all::stream);
    }

    private List<String> environment(long pid) {
        try {
            return Arrays.asList(Files.readString(proc.resolve(pid + "/environ"), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<Long> pids() {
        try (Stream<Path> entries = Files.list(proc)) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d+"))
                    .map(Long::valueOf).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Optional<List<String>> commandLine(long pid) {
        try {
            String raw = Files.readString(proc.resolve(pid + "/cmdline"), StandardCharsets.UTF_8);
            return raw.isEmpty() ? Optional.empty() : Optional.of(Arrays.asList(raw.split("\0")));
        } catch (IOException e) {
            return Optional.empty(); // ended meanwhile, or not ours to read
        }
    }

    /** Which part of the platform a command line runs, if any ({@link PlatformProcess#name()}): only java counts. */
    static Optional<String> name(List<String> commandLine) {
        if (commandLine.isEmpty() || !Path.of(commandLine.get(0)).getFileName().toString().equals("java")) {
            return Optional.empty();
        }
        for (String argument : commandLine) {
            if (argument.equals("kafka.Kafka")) {
                return Optional.of(PlatformProcess.KAFKA);
            }
            if (argument.endsWith(".MongoServerMain") || argument.equals("MongoServerMain")) {
                return Optional.of(PlatformProcess.STORE);
            }
            Matcher service = SERVICE_JAR.matcher(argument);
            if (service.matches()) {
                return Optional.of(service.group(1));
            }
        }
        return Optional.empty();
    }
}

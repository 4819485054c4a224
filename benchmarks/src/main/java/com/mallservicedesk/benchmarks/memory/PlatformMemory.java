package com.mallservicedesk.benchmarks.memory;

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
 * Reads the platform's resident memory from {@code /proc} (Linux): the sum of VmRSS of the java processes that run
 * the five service jars, the Kafka broker ({@code kafka.Kafka}) and the MongoDB-wire server ({@code MongoServerMain}).
 * Only the descendants of the local platform's launcher whose service answers on the benchmarked intake port count
 * (the launcher passes {@code SERVER_PORT} to each service), so other platforms and test runs on the machine are left
 * out. Without such a launcher, every process whose command line matches counts.
 */
public final class PlatformMemory {

    enum Part { SERVICE, KAFKA, MONGO }

    static final String LAUNCHER_MAIN = "com.mallservicedesk.localplatform.LocalPlatform";
    private static final Pattern SERVICE_JAR = Pattern.compile(
            "(?:.*/)?(intake|dispatch|callback|claims|survey)-service-[^/]*-exec\\.jar");
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB");

    private final Path proc;
    private final int servicePort;
    private MemoryReading peak = MemoryReading.NONE;

    /** @param servicePort the port of one of the platform's services (intake's), to tell platforms apart */
    public PlatformMemory(int servicePort) {
        this(Path.of("/proc"), servicePort);
    }

    PlatformMemory(Path proc, int servicePort) {
        this.proc = proc;
        this.servicePort = servicePort;
    }

    /** The highest of the readings so far. */
    public synchronized MemoryReading peak() {
        return peak;
    }

    public MemoryReading read() {
        MemoryReading reading = readNow();
        synchronized (this) {
            peak = peak.max(reading);
        }
        return reading;
    }

    private MemoryReading readNow() {
        long services = 0;
        long kafka = 0;
        long mongo = 0;
        int processes = 0;
        for (long pid : candidates().toList()) {
            Optional<Part> part = commandLine(pid).flatMap(PlatformMemory::classify);
            if (part.isEmpty()) {
                continue;
            }
            long rss = status(pid).map(PlatformMemory::vmRssBytes).orElse(0L);
            processes++;
            switch (part.get()) {
                case SERVICE -> services += rss;
                case KAFKA -> kafka += rss;
                case MONGO -> mongo += rss;
            }
        }
        return new MemoryReading(services, kafka, mongo, processes);
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

    private Optional<String> status(long pid) {
        try {
            return Optional.of(Files.readString(proc.resolve(pid + "/status"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Which part of the platform a command line runs, if any: only java processes count. */
    static Optional<Part> classify(List<String> commandLine) {
        if (commandLine.isEmpty() || !Path.of(commandLine.get(0)).getFileName().toString().equals("java")) {
            return Optional.empty();
        }
        for (String argument : commandLine) {
            if (argument.equals("kafka.Kafka")) {
                return Optional.of(Part.KAFKA);
            }
            if (argument.endsWith(".MongoServerMain") || argument.equals("MongoServerMain")) {
                return Optional.of(Part.MONGO);
            }
            if (SERVICE_JAR.matcher(argument).matches()) {
                return Optional.of(Part.SERVICE);
            }
        }
        return Optional.empty();
    }

    /** The VmRSS line of {@code /proc/<pid>/status}, in bytes; 0 when absent (a kernel thread, a zombie). */
    static long vmRssBytes(String status) {
        Matcher matcher = VM_RSS.matcher(status);
        return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : 0;
    }
}

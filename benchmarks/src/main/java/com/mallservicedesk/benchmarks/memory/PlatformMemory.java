package com.mallservicedesk.benchmarks.memory;

import com.mallservicedesk.benchmarks.process.PlatformProcess;
import com.mallservicedesk.benchmarks.process.PlatformProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the platform's resident memory from {@code /proc} (Linux): the sum of VmRSS of the platform's java
 * processes ({@link PlatformProcesses}: the five services, the Kafka broker and the MongoDB-wire server).
 */
public final class PlatformMemory {

    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB");

    private final PlatformProcesses processes;
    private MemoryReading peak = MemoryReading.NONE;

    public PlatformMemory(PlatformProcesses processes) {
        this.processes = processes;
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
        int count = 0;
        for (PlatformProcess process : processes.find()) {
            long rss = status(process.pid()).map(PlatformMemory::vmRssBytes).orElse(0L);
            count++;
            switch (process.name()) {
                case PlatformProcess.KAFKA -> kafka += rss;
                case PlatformProcess.STORE -> mongo += rss;
                default -> services += rss;
            }
        }
        return new MemoryReading(services, kafka, mongo, count);
    }

    private Optional<String> status(long pid) {
        try {
            return Optional.of(Files.readString(processes.proc().resolve(pid + "/status"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The VmRSS line of {@code /proc/<pid>/status}, in bytes; 0 when absent (a kernel thread, a zombie). */
    static long vmRssBytes(String status) {
        Matcher matcher = VM_RSS.matcher(status);
        return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : 0;
    }
}

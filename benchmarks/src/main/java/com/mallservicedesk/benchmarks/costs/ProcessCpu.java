package com.mallservicedesk.benchmarks.costs;

import com.mallservicedesk.benchmarks.process.PlatformProcess;
import com.mallservicedesk.benchmarks.process.PlatformProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time the platform's processes on this machine have used: user + system time of all their threads, from
 * {@code /proc/<pid>/stat}.
 */
public final class ProcessCpu {

    /** Clock ticks per second of /proc's times (USER_HZ): 100 on every common Linux build. */
    static final long TICKS_PER_SECOND = 100;
    /** utime and stime: fields 14 and 15 of the line, counted from 1; here counted after the name's ")". */
    private static final int UTIME_AFTER_NAME = 11;
    private static final int STIME_AFTER_NAME = 12;

    private final PlatformProcesses processes;

    public ProcessCpu(PlatformProcesses processes) {
        this.processes = processes;
    }

    /** CPU milliseconds used so far by each platform process found; empty on another machine's platform. */
    public Map<PlatformProcess, Long> read() {
        Map<PlatformProcess, Long> used = new HashMap<>();
        for (PlatformProcess process : processes.find()) {
            try {
                String stat = Files.readString(processes.proc().resolve(process.pid() + "/stat"),
                        StandardCharsets.UTF_8);
                used.put(process, millis(stat));
            } catch (IOException | IllegalArgumentException e) {
                // ended meanwhile: not counted
            }
        }
        return used;
    }

    /**
     * CPU milliseconds used between two readings, by process name (the instances of a service together). Only
     * processes in both readings count: one that started or ended in between has no comparable figure.
     */
    public static Map<String, Long> usedBetween(Map<PlatformProcess, Long> before, Map<PlatformProcess, Long> after) {
        Map<String, Long> used = new TreeMap<>();
        after.forEach((process, now) -> {
            Long then = before.get(process);
            if (then != null) {
                used.merge(process.name(), Math.max(0, now - then), Long::sum);
            }
        });
        return used;
    }

    /**
     * utime + stime of a {@code /proc/<pid>/stat} line, in milliseconds. The name in parentheses may hold spaces
     * and parentheses itself, so the fields are counted from the last ")".
     */
    static long millis(String stat) {
        int nameEnd = stat.lastIndexOf(')');
        if (nameEnd < 0) {
            throw new IllegalArgumentException("not a stat line: " + stat);
        }
        String[] fields = stat.substring(nameEnd + 1).strip().split("\\s+");
        if (fields.length <= STIME_AFTER_NAME) {
            throw new IllegalArgumentException("stat line too short: " + stat);
        }
        long ticks = Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[STIME_AFTER_NAME]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }
}

package com.mallservicedesk.benchmarks.memory;

/** The resident set of the platform's processes at one moment, by part. */
public record MemoryReading(long servicesBytes, long kafkaBytes, long mongoBytes, int processes) {

    public static final MemoryReading NONE = new MemoryReading(0, 0, 0, 0);

    public long totalBytes() {
        return servicesBytes + kafkaBytes + mongoBytes;
    }

    public MemoryReading max(MemoryReading other) {
        return other.totalBytes() > totalBytes() ? other : this;
    }

    /** "2.10 GiB" */
    public static String gib(long bytes) {
        return "%.2f GiB".formatted(bytes / (double) (1L << 30));
    }

    /** "platform RSS 2.10 GiB in 7 processes (services 1.52 GiB, Kafka 0.41 GiB, MongoDB 0.17 GiB)" */
    public String describe() {
        if (processes == 0) {
            return "platform RSS: no platform processes found";
        }
        return "platform RSS %s in %d processes (services %s, Kafka %s, MongoDB %s)".formatted(gib(totalBytes()),
                processes, gib(servicesBytes), gib(kafkaBytes), gib(mongoBytes));
    }
}

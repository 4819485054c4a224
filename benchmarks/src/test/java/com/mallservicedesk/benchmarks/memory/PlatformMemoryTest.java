package com.mallservicedesk.benchmarks.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformMemoryTest {

    @Test
    void vmRssIsReadInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  420000 kB\nVmRSS:\t  401234 kB\nThreads:\t42\n";

        assertThat(PlatformMemory.vmRssBytes(status)).isEqualTo(401_234L * 1024);
        assertThat(PlatformMemory.vmRssBytes("Name:\tkthreadd\nState:\tS (sleeping)\n")).isZero();
    }

    @Test
    void readingsAddUpAndDescribeThemselves() {
        var reading = new MemoryReading(3L << 30, 1L << 29, 1L << 28, 7);

        assertThat(reading.totalBytes()).isEqualTo((3L << 30) + (1L << 29) + (1L << 28));
        assertThat(reading.describe()).isEqualTo(
                "platform RSS 3.75 GiB in 7 processes (services 3.00 GiB, Kafka 0.50 GiB, MongoDB 0.25 GiB)");
        assertThat(MemoryReading.NONE.max(reading)).isSameAs(reading);
    }
}

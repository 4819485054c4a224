package com.mallservicedesk.localplatform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every partition of a dead-letter topic with {@code assign}, never joining a group, up to the end offsets
 * seen when it opened: a run ends even while new dead letters keep arriving.
 */
final class DeadLetterReader implements AutoCloseable {

    static final Duration API_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Without progress for this long the broker is gone; saying so beats hanging. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(30);

    /** Gets each polled batch in offset order per partition; returns false to stop reading. */
    interface BatchHandler {
        boolean accept(List<ConsumerRecord<byte[], byte[]>> batch);
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> ends;

    private DeadLetterReader(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                             Map<TopicPartition, Long> ends) {
        this.consumer = consumer;
        this.partitions = partitions;
        this.ends = ends;
    }

    /** With a group id, only to fetch and commit its offsets: an assigning consumer takes part in no rebalance. */
    static DeadLetterReader open(String bootstrapServers, String topic, String groupId) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers, groupId));
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, API_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist on " + bootstrapServers);
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, API_TIMEOUT));
            return new DeadLetterReader(consumer, partitions, ends);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    List<TopicPartition> partitions() {
        return partitions;
    }

    long end(TopicPartition partition) {
        return ends.get(partition);
    }

    /** The group's committed offsets; partitions without one are missing from the map. */
    Map<TopicPartition, OffsetAndMetadata> committed() {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        consumer.committed(Set.copyOf(partitions), API_TIMEOUT).forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset);
            }
        });
        return committed;
    }

    void seekToBeginning(TopicPartition partition) {
        consumer.seekToBeginning(List.of(partition));
    }

    void seek(TopicPartition partition, long offset) {
        consumer.seek(partition, offset);
    }

    /** How far the reading got, never beyond the end captured at the start. */
    long position(TopicPartition partition) {
        return Math.min(consumer.position(partition, API_TIMEOUT), end(partition));
    }

    void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        consumer.commitSync(offsets, API_TIMEOUT);
    }

    void read(BatchHandler handler) {
        Set<TopicPartition> remaining = new LinkedHashSet<>(partitions);
        Map<TopicPartition, Long> positions = new HashMap<>();
        long lastProgress = System.nanoTime();
        while (true) {
            for (TopicPartition partition : List.copyOf(remaining)) {
                long position = position(partition);
                if (!Long.valueOf(position).equals(positions.put(partition, position))) {
                    lastProgress = System.nanoTime();
                }
                if (position >= end(partition)) {
                    remaining.remove(partition);
                    // Newer dead letters are for the next run: no need to fetch them.
                    consumer.pause(List.of(partition));
                }
            }
            if (remaining.isEmpty()) {
                return;
            }
            if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
                throw new IllegalStateException("no progress reading " + remaining + " for "
                        + STALL_LIMIT.toSeconds() + " s; is the broker still there?");
            }
            ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
            for (TopicPartition partition : polled.partitions()) {
                polled.records(partition).stream().filter(record -> record.offset() < end(partition))
                        .forEach(batch::add);
            }
            if (!batch.isEmpty() && !handler.accept(batch)) {
                return;
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private static Map<String, Object> config(String bootstrapServers, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters");
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A committed offset below the log start (retention deleted those dead letters) restarts at the oldest.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A misspelt --topic must not create a topic on a broker that auto-creates them.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Aborted transactions never happened; the end offsets are then the last stable offsets, matching.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) API_TIMEOUT.toMillis());
        return config;
    }
}

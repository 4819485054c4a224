package com.mallservicedesk.platform.test;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer group has handled everything on a topic: its committed offset has reached the end of every
 * partition. After sending an event, that says the event was handled (or dead-lettered) whatever the handler stores:
 * the way to wait for handlers that leave no processed-event record, such as those registered as repeatable.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    public static boolean caughtUp(String bootstrapServers, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all().get();
            return latest.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata at = committed.get(end.getKey());
                return end.getValue().offset() == 0 || (at != null && at.offset() >= end.getValue().offset());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}

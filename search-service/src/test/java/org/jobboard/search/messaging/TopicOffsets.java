package org.jobboard.search.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jobboard.platform.testing.LocalStack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The real broker's end offsets, to know when an indexer has seen everything published so far. */
final class TopicOffsets {
    private TopicOffsets() {
    }

    static String bootstrap() {
        return LocalStack.ensureRunning().getProperty("JOBBOARD_KAFKA_BOOTSTRAP");
    }

    static Map<Integer, Long> endOffsets(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, end) -> ends.put(p.partition(), end));
            return ends;
        }
    }
}

package org.jobboard.search.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends events the index cannot use to the dead-letter topic, unchanged, with the same {@code dead-letter-*} headers
 * SmallRye Reactive Messaging adds in the other services, so one tool can inspect and replay all dead letters.
 */
final class DeadLetters implements DeadLetterSink, AutoCloseable {
    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private KafkaProducer<String, String> producer;

    DeadLetters(Map<String, Object> kafkaConfig, String topic) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
    }

    /** Sends and waits for the broker's acknowledgement; a failure is thrown (the record is retried, not skipped). */
    @Override
    public void send(ConsumerRecord<String, String> record, Exception cause) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, "dead-letter-reason", String.valueOf(cause.getMessage()));
        put(headers, "dead-letter-exception-class-name", cause.getClass().getName());
        put(headers, "dead-letter-topic", record.topic());
        put(headers, "dead-letter-partition", Integer.toString(record.partition()));
        put(headers, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + topic, e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.putAll(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "search-indexer-dlq");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}

package org.jobboard.search.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.jobboard.search.index.SearchIndex;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the index from {@code jobboard.postings.v1}.
 *
 * <ul>
 * <li>Every replica reads <em>every</em> partition (manual assignment, no group rebalancing): each holds a full
 * index.</li>
 * <li>Positions live in the index: each Lucene commit carries the next offset per partition, and on start the consumer
 * seeks there (an empty index replays the compacted topic from the beginning). Index contents and positions are
 * therefore always durable together; after a crash the uncommitted tail is replayed, and the index's version check
 * plus one document per posting id make the replay harmless: nothing lost, nothing twice.</li>
 * <li>Each polled batch is applied and then made searchable at once (near-real-time refresh); commits happen every
 * {@code commitInterval} on a thread of their own, with the positions applied before each commit began: a commit
 * waits for the disk (fsync), and the next event must not wait for it.</li>
 * <li>Each record is handled by {@link PostingRecords}: an event that cannot be read goes to the dead-letter topic
 * and the partition moves on; a tombstone forgets the posting.</li>
 * <li>{@link #caughtUp()} turns true once every partition reached the end offset seen at start.</li>
 * </ul>
 */
public final class PostingIndexer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PostingIndexer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PARTITION_CHECK = Duration.ofMinutes(1);

    private final SearchIndex index;
    private final DeadLetters deadLetters;
    private final PostingRecords handler;
    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final String groupId;

    private final Thread thread;
    private final IndexCommitter committer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean skipFinalCommit;
    private volatile KafkaConsumer<String, String> consumer;

    /** Next offset to apply, per partition; touched only by the indexer thread. */
    private final Map<Integer, Long> positions = new HashMap<>();
    private volatile Map<Integer, Long> appliedSnapshot = Map.of();
    private volatile Map<Integer, Long> endOffsetsAtStart;
    private volatile boolean caughtUp;
    private volatile Throwable failure;

    public PostingIndexer(SearchIndex index, PostingEventMapper mapper, Map<String, Object> kafkaConfig, String topic,
            String deadLetterTopic, String groupId, Duration commitInterval) {
        this.index = index;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.topic = topic;
        this.groupId = groupId;
        this.deadLetters = new DeadLetters(kafkaConfig, deadLetterTopic);
        this.handler = new PostingRecords(index, mapper, deadLetters);
        this.thread = new Thread(this::run, "search-indexer");
        this.committer = new IndexCommitter(index, commitInterval, () -> appliedSnapshot);
    }

    public PostingIndexer start() {
        thread.start();
        return this;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Per partition, the next offset whose event is applied (searchable, maybe not yet committed). */
    public Map<Integer, Long> appliedOffsets() {
        return appliedSnapshot;
    }

    /** The error that stopped indexing for good (the index can no longer write), or {@code null}. */
    public Throwable failure() {
        return failure;
    }

    public Map<Integer, Long> endOffsetsAtStart() {
        Map<Integer, Long> ends = endOffsetsAtStart;
        return ends == null ? Map.of() : ends;
    }

    private void run() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new StringDeserializer())) {
            consumer = kafka;
            long lastPartitionCheck = 0;
            committer.start();
            while (running) {
                try {
                    if (System.nanoTime() - lastPartitionCheck > PARTITION_CHECK.toNanos() || positions.isEmpty()) {
                        assign(kafka);
                        lastPartitionCheck = System.nanoTime();
                        if (positions.isEmpty()) {
                            sleep(Duration.ofSeconds(2)); // the topic does not exist yet
                            continue;
                        }
                    }
                    ConsumerRecords<String, String> records = kafka.poll(POLL);
                    if (!records.isEmpty()) {
                        apply(kafka, records);
                        index.refresh(); // searchable now; durable at the next commit
                    }
                    for (TopicPartition partition : kafka.assignment()) {
                        // past compacted-away offsets too: everything before the position has been seen
                        positions.put(partition.partition(), kafka.position(partition));
                    }
                    appliedSnapshot = Map.copyOf(positions);
                    Map<Integer, Long> report = committer.takeUnreported();
                    if (report != null) {
                        reportToGroup(kafka, report);
                    }
                    updateCaughtUp();
                } catch (WakeupException e) {
                    // stop() woke us
                } catch (IOException | RuntimeException e) {
                    if (!index.healthy()) {
                        failure = e;
                        LOG.error("the search index can no longer write; indexing stopped (restart the service)", e);
                        return;
                    }
                    LOG.warnf(e, "indexing failed; retrying from the last applied offsets");
                    rewind(kafka);
                    sleep(Duration.ofSeconds(1));
                }
            }
            committer.stop();
            if (!skipFinalCommit && !positions.isEmpty() && index.healthy()
                    && !positions.equals(index.committedOffsets())) {
                Map<Integer, Long> last = Map.copyOf(positions);
                index.commit(last);
                reportToGroup(kafka, last);
            }
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("search indexer stopped", e);
        } finally {
            committer.stop();
            deadLetters.close();
            stopped.countDown();
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.putAll(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-indexer");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // used only when a stored position is out of range (e.g. a log cleaned below it): replay from the start
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return props;
    }

    /** Assigns every partition of the topic; a partition new to us starts at the index's position or the beginning. */
    private void assign(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            return;
        }
        List<TopicPartition> all = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        List<TopicPartition> added = all.stream().filter(p -> !positions.containsKey(p.partition())).toList();
        if (added.isEmpty()) {
            return;
        }
        kafka.assign(all);
        Map<Integer, Long> stored = index.committedOffsets();
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition partition : added) {
            Long offset = stored.get(partition.partition());
            if (offset != null) {
                kafka.seek(partition, offset);
            } else {
                fromStart.add(partition);
            }
        }
        kafka.seekToBeginning(fromStart);
        for (TopicPartition partition : added) {
            positions.put(partition.partition(), kafka.position(partition));
        }
        if (endOffsetsAtStart == null) {
            Map<Integer, Long> ends = new HashMap<>();
            kafka.endOffsets(all).forEach((p, end) -> ends.put(p.partition(), end));
            endOffsetsAtStart = Map.copyOf(ends);
            LOG.infof("indexing %s from %s (index) to %s (end at start)", topic, positions, ends);
        }
    }

    private void apply(KafkaConsumer<String, String> kafka, ConsumerRecords<String, String> records)
            throws IOException {
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                handler.handle(record);
                positions.put(partition.partition(), record.offset() + 1);
            }
        }
    }

    /** Only for lag monitoring; the index's copy of the positions is the one that counts. */
    private void reportToGroup(KafkaConsumer<String, String> kafka, Map<Integer, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> byPartition = new HashMap<>();
        offsets.forEach((p, offset) -> byPartition.put(new TopicPartition(topic, p), new OffsetAndMetadata(offset)));
        kafka.commitAsync(byPartition, (o, e) -> {
            if (e != null) {
                LOG.debugf("could not report offsets to group %s: %s", groupId, e.getMessage());
            }
        });
        LOG.debugf("committed %s (%s)", offsets, handler.counts());
    }

    /** After a failure mid-batch: continue at the first record not yet applied. */
    private void rewind(KafkaConsumer<String, String> kafka) {
        try {
            for (TopicPartition partition : kafka.assignment()) {
                Long next = positions.get(partition.partition());
                if (next != null) {
                    kafka.seek(partition, next);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot rewind; positions will be re-read", e);
            positions.clear();
        }
    }

    private void updateCaughtUp() {
        if (caughtUp || endOffsetsAtStart == null) {
            return;
        }
        for (Map.Entry<Integer, Long> end : endOffsetsAtStart.entrySet()) {
            Long position = positions.get(end.getKey());
            if (position == null || position < end.getValue()) {
                return;
            }
        }
        caughtUp = true;
        LOG.infof("search index caught up with %s at %s", topic, positions);
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops consuming and commits what was applied. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        try {
            if (thread.isAlive() && !stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("the search indexer did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops without the final commit: what a killed process leaves behind (for recovery tests). */
    public void halt() {
        skipFinalCommit = true;
        close();
    }
}

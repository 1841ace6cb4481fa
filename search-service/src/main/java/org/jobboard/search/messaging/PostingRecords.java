package org.jobboard.search.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.events.CloudEventHeaders.MalformedEventException;
import org.jobboard.search.index.SearchIndex;

import java.io.IOException;

/**
 * One record of {@code jobboard.postings.v1} into the index: read it ({@link PostingEventMapper}), apply the change
 * (version-checked by the index), and dead-letter what cannot be read or indexed. A record without a value (a
 * tombstone) forgets the posting and is never dead-lettered. Used by the consumer thread only.
 */
final class PostingRecords {
    private static final Logger LOG = Logger.getLogger(PostingRecords.class);

    /** What became of a record. */
    enum Outcome { APPLIED, NOT_NEWER, IGNORED, DEAD_LETTERED }

    private final SearchIndex index;
    private final PostingEventMapper mapper;
    private final DeadLetterSink deadLetters;
    private long applied;
    private long skipped;
    private long deadLettered;

    PostingRecords(SearchIndex index, PostingEventMapper mapper, DeadLetterSink deadLetters) {
        this.index = index;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
    }

    /** @throws IOException when the index could not write (retried from this record; not the record's fault) */
    Outcome handle(ConsumerRecord<String, String> record) throws IOException {
        PostingChange change;
        try {
            change = read(record);
        } catch (MalformedEventException e) {
            return deadLetter(record, e);
        }
        if (change == null) {
            return Outcome.IGNORED;
        }
        boolean changed;
        try {
            changed = apply(change);
        } catch (IllegalArgumentException e) {
            // the index refused the document (e.g. a term longer than Lucene allows): poison, not an outage
            return deadLetter(record, e);
        }
        if (changed) {
            applied++;
        } else {
            skipped++;
        }
        LOG.debugf("posting %s (%s): %s", change.id(), change.getClass().getSimpleName(),
                changed ? "applied" : "not newer, skipped");
        return changed ? Outcome.APPLIED : Outcome.NOT_NEWER;
    }

    private PostingChange read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return mapper.tombstone(record.key(), CloudEventHeaders.text(record.headers(), CloudEventHeaders.SUBJECT));
        }
        CloudEvent event = CloudEventHeaders.fromRecord(record.headers(), record.value());
        return mapper.map(event);
    }

    private boolean apply(PostingChange change) throws IOException {
        if (change instanceof PostingChange.Upsert upsert) {
            return index.upsert(upsert.posting());
        }
        if (change instanceof PostingChange.Remove remove) {
            return index.delete(remove.id(), remove.version());
        }
        index.forget(change.id());
        return true;
    }

    private Outcome deadLetter(ConsumerRecord<String, String> record, Exception cause) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), cause.getMessage());
        deadLetters.send(record, cause); // waits for the broker: the offset must not move past an unsent poison message
        deadLettered++;
        return Outcome.DEAD_LETTERED;
    }

    /** For the periodic log line: applied, skipped as not newer, dead-lettered since start. */
    String counts() {
        return "applied " + applied + ", skipped " + skipped + ", dead-lettered " + deadLettered;
    }
}

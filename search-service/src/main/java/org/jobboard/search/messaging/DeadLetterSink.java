package org.jobboard.search.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a record the index cannot use goes, so that one bad event never blocks its partition. */
@FunctionalInterface
interface DeadLetterSink {
    /** Returns once the record is safely parked; throws when it is not (the record is then retried, not skipped). */
    void send(ConsumerRecord<String, String> record, Exception cause);
}

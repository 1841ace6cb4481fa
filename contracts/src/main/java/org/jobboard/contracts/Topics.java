package org.jobboard.contracts;

/**
 * Every Kafka topic the services share, named once. The AsyncAPI documents under
 * {@code org/jobboard/contracts/asyncapi/} describe each; {@code TopicsTest} keeps the two in step.
 */
public final class Topics {
    /** Posting state (event-carried), compacted, key = posting id. Producer: postings-service. */
    public static final String POSTINGS = "jobboard.postings.v1";
    /** Application lifecycle, key = application id. Producer: applications-service. */
    public static final String APPLICATIONS = "jobboard.applications.v1";
    /** Privacy requests (erasure), key = subject. Producer: applications-service. */
    public static final String PRIVACY = "jobboard.privacy.v1";

    private Topics() {
    }

    /** Where a consumer parks an event it cannot process, so that one bad event never blocks a partition. */
    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }
}

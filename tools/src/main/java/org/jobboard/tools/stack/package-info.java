/**
 * The stack's small JDBC and Kafka helpers. CreateDatabases and CreateTopics run before anything is built (see their
 * notes) and must stay single self-contained files; OutboxLag and ExtractionBacklog run from the tools jar after the
 * benchmarks.
 */
package org.jobboard.tools.stack;

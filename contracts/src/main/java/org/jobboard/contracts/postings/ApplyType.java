package org.jobboard.contracts.postings;

/** DIRECT applications go through applications-service; EXTERNAL ones to the employer's https URL. */
public enum ApplyType {
    DIRECT, EXTERNAL
}

package org.jobboard.applications.service;

import java.util.UUID;

/**
 * The database refused a second active application of a candidate to a posting (the partial unique index
 * application_one_active). Thrown out of the failed transaction, so the caller can look up the existing application
 * in a fresh one and answer 409 with its id.
 */
public class DuplicateApplicationException extends RuntimeException {
    private final UUID postingId;
    private final String candidateSubject;

    public DuplicateApplicationException(UUID postingId, String candidateSubject) {
        super("an active application to posting " + postingId + " exists", null, false, false);
        this.postingId = postingId;
        this.candidateSubject = candidateSubject;
    }

    public UUID postingId() {
        return postingId;
    }

    public String candidateSubject() {
        return candidateSubject;
    }
}

package org.jobboard.postings.domain;

import org.jobboard.contracts.postings.PostingStatus;

/** A lifecycle command that the posting's current status does not allow (mapped to 409). */
public class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(PostingStatus from, String command) {
        super("a " + from + " posting cannot be " + command);
    }
}

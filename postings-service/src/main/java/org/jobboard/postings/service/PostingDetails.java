package org.jobboard.postings.service;

import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;

/** A posting with its hiring organization, as reads and commands return it (the organization may be null). */
public record PostingDetails(Posting posting, Organization organization) {
}

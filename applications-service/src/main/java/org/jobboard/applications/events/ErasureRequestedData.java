package org.jobboard.applications.events;

/**
 * The data of jobboard.privacy.erasure-requested.v1 (schema: contracts' erasure-requested.v1.json): asks every
 * service to erase what it holds about this subject (the token subject; nothing else).
 */
public record ErasureRequestedData(String subjectId) {
}

package org.jobboard.applications.domain;

/**
 * Where a resume's text extraction stands. The apply request stores the file and leaves the text PENDING; a
 * background worker extracts it (DONE) or gives up on a document it cannot read (FAILED: the file is still there).
 */
public enum TextExtraction {
    PENDING, DONE, FAILED
}

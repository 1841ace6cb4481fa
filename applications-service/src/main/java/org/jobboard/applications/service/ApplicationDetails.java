package org.jobboard.applications.service;

import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.ApplicationTransition;
import org.jobboard.applications.domain.Resume;
import org.jobboard.applications.domain.TextExtraction;

import java.util.List;

/**
 * An application with what its views show besides it: the posting's title (null when the replica does not know the
 * posting), the resume (null when none) and the pipeline history (null in lists, which leave it out). Complete when
 * returned: nothing is loaded after the transaction that read it.
 */
public record ApplicationDetails(Application application, String postingTitle, ResumeFacts resume,
        List<ApplicationTransition> history) {

    public long version() {
        return application.version;
    }

    /** A resume's stored facts; {@code text} only where a view may show it (single views, the export), else null. */
    public record ResumeFacts(String mediaType, long sizeBytes, TextExtraction extractionStatus, String text) {
        /** @param withText whether to read the extracted text (a large, lazily loaded column) */
        static ResumeFacts of(Resume resume, boolean withText) {
            return resume == null ? null : new ResumeFacts(resume.mediaType, resume.sizeBytes,
                    resume.extractionStatus, withText ? resume.extractedText : null);
        }
    }
}

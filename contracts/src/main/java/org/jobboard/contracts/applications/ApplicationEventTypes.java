package org.jobboard.contracts.applications;

/** CloudEvents types on {@link org.jobboard.contracts.Topics#APPLICATIONS} and {@link org.jobboard.contracts.Topics#PRIVACY}. */
public final class ApplicationEventTypes {
    public static final String SUBMITTED = "jobboard.application.submitted.v1";
    public static final String STAGE_CHANGED = "jobboard.application.stage-changed.v1";
    public static final String WITHDRAWN = "jobboard.application.withdrawn.v1";
    public static final String ERASURE_REQUESTED = "jobboard.privacy.erasure-requested.v1";

    private ApplicationEventTypes() {
    }
}

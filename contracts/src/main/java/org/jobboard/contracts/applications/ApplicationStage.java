package org.jobboard.contracts.applications;

/**
 * The recruiter's pipeline stage an application event carries ({@code stage}, {@code from}): APPLIED -> SCREENING ->
 * INTERVIEW -> OFFER -> HIRED, any open stage -> REJECTED, the candidate's withdrawal -> WITHDRAWN. The rules of
 * moving between them are applications-service's (its domain Stage, whose values equal these).
 */
public enum ApplicationStage {
    APPLIED, SCREENING, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN
}

package org.jobboard.postings.domain;

import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;

import java.time.Instant;
import java.util.List;

/**
 * What a recruiter writes of a posting: everything but its identity, lifecycle and timestamps. Create, update and
 * batch upsert take it; {@link Posting#apply} normalizes it (trimmed text, skills as tags, no duplicates).
 */
public record PostingContent(String title, String description, String requisitionId,
        List<EmploymentType> employmentTypes, WorkplaceType workplaceType, List<Location> locations,
        List<String> applicantLocationRequirements, Salary salary, Seniority seniority, List<String> skills,
        String category, ApplyMethod applyMethod, Instant validThrough) {

    public PostingContent withValidThrough(Instant newValidThrough) {
        return new PostingContent(title, description, requisitionId, employmentTypes, workplaceType, locations,
                applicantLocationRequirements, salary, seniority, skills, category, applyMethod, newValidThrough);
    }

    /** The requisition id as it is stored: trimmed, null when blank. */
    public String normalizedRequisitionId() {
        return requisitionId == null || requisitionId.isBlank() ? null : requisitionId.strip();
    }
}

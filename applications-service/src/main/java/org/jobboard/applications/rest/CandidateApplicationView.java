package org.jobboard.applications.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.applications.domain.CandidateStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An application as its candidate sees it: status in candidate terms, never notes, reject reasons or who moved it.
 * {@code statusHistory} is in the single view only.
 */
@Schema(name = "CandidateApplication")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateApplicationView(String id, String postingId, String postingTitle, CandidateStatus status,
        String name, String email, String phone, Map<String, Object> answers, String coverLetter,
        ResumeView resume, List<StatusChange> statusHistory, long version, Instant createdAt, Instant updatedAt) {

    /** One change of the candidate-visible status. */
    public record StatusChange(CandidateStatus status, Instant at) {
    }
}

package org.jobboard.applications.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.applications.domain.CandidateStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything this service stores about the caller (GDPR access / portability); files as links. */
@Schema(name = "PersonalDataExport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalDataExport(String subject, Instant exportedAt, String service, List<ExportedApplication> applications) {

    public record ExportedApplication(String id, String postingId, String postingTitle, CandidateStatus status,
            String name, String email, String phone, Map<String, Object> answers, String coverLetter,
            Map<String, Object> consent, Map<String, Object> source, ResumeView resume,
            List<CandidateApplicationView.StatusChange> statusHistory, Instant createdAt, Instant updatedAt) {
    }
}

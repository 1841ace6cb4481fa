package org.jobboard.applications.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.applications.domain.Stage;

import java.time.Instant;
import java.util.Map;

/** An application as its organization's recruiters see it. */
@Schema(name = "RecruiterApplication")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecruiterApplicationView(String id, String postingId, String postingTitle, Stage stage,
        String rejectReason, boolean erased, String name, String email, String phone, Map<String, Object> answers,
        String coverLetter, Map<String, Object> source, long version, Instant createdAt, Instant updatedAt) {
}

package org.jobboard.applications.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.applications.domain.ActorRole;
import org.jobboard.applications.domain.RejectReason;
import org.jobboard.applications.domain.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An application as its organization's recruiters see it. In the single view ({@code GET /v1/applications/{id}})
 * the resume carries its extracted text and {@code history} the whole pipeline history; lists leave both out.
 * An erased candidate shows {@code erased: true}, no personal data, and the history without notes.
 */
@Schema(name = "RecruiterApplication")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecruiterApplicationView(String id, String postingId, String postingTitle, Stage stage,
        RejectReason rejectReason, boolean erased, String name, String email, String phone,
        Map<String, Object> answers, String coverLetter, Map<String, Object> source, ResumeView resume,
        List<HistoryEntry> history, long version, Instant createdAt, Instant updatedAt) {

    /** One pipeline transition: who (role and subject), when, from, to, why. {@code from} is absent on submission. */
    public record HistoryEntry(Stage from, Stage to, RejectReason reason, String note, ActorRole byRole,
            String bySubject, Instant at) {
    }
}

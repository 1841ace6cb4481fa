package org.jobboard.applications.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.Stage;
import org.jobboard.platform.outbox.Outbox;

import java.time.Instant;

/**
 * Writes this service's events to the outbox, in the caller's transaction (documented in asyncapi.yaml). They carry
 * ids, stages and the version only: no name, contact data, answers, notes, reasons or files, and no candidate
 * subject. Keyed by application id on jobboard.applications.v1, so one application's events stay in order.
 */
@ApplicationScoped
public class ApplicationEvents {
    public static final String TOPIC = "jobboard.applications.v1";
    public static final String SUBMITTED = "jobboard.application.submitted.v1";
    public static final String STAGE_CHANGED = "jobboard.application.stage-changed.v1";
    public static final String WITHDRAWN = "jobboard.application.withdrawn.v1";

    public static final String PRIVACY_TOPIC = "jobboard.privacy.v1";
    public static final String ERASURE_REQUESTED = "jobboard.privacy.erasure-requested.v1";

    /** The data of every application event; {@code from} is absent on submission. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicationEventData(String applicationId, String postingId, String organizationId, Stage from,
            Stage stage, long version, Instant occurredAt) {
    }

    /** Asks every service to erase what it holds about this subject (the token subject; nothing else). */
    public record ErasureRequestedData(String subjectId) {
    }

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    public void submitted(Application application) {
        emit(SUBMITTED, application, null);
    }

    public void stageChanged(Application application, Stage from) {
        emit(STAGE_CHANGED, application, from);
    }

    public void withdrawn(Application application, Stage from) {
        emit(WITHDRAWN, application, from);
    }

    public void erasureRequested(String subject) {
        outbox.append(PRIVACY_TOPIC, subject, ERASURE_REQUESTED, "subjects/" + subject,
                write(new ErasureRequestedData(subject)));
    }

    private void emit(String type, Application a, Stage from) {
        String key = a.id.toString();
        ApplicationEventData data = new ApplicationEventData(key, a.postingId.toString(), a.organizationId.toString(),
                from, a.stage, a.version, a.updatedAt);
        outbox.append(TOPIC, key, type, "applications/" + key, write(data));
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize event data", e);
        }
    }
}

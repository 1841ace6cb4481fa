package org.jobboard.applications.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.Stage;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.applications.ApplicationEventTypes;
import org.jobboard.platform.outbox.Outbox;

/**
 * Writes this service's events to the outbox, in the caller's transaction (contracts' applications.yaml). They carry
 * ids, stages and the version only: no name, contact data, answers, notes, reasons or files, and no candidate
 * subject. Keyed by application id on jobboard.applications.v1, so one application's events stay in order.
 */
@ApplicationScoped
public class ApplicationEvents {
    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    public void submitted(Application application) {
        emit(ApplicationEventTypes.SUBMITTED, application, null);
    }

    public void stageChanged(Application application, Stage from) {
        emit(ApplicationEventTypes.STAGE_CHANGED, application, from);
    }

    public void withdrawn(Application application, Stage from) {
        emit(ApplicationEventTypes.WITHDRAWN, application, from);
    }

    public void erasureRequested(String subject) {
        outbox.append(Topics.PRIVACY, subject, ApplicationEventTypes.ERASURE_REQUESTED, "subjects/" + subject,
                write(new ErasureRequestedData(subject)));
    }

    private void emit(String type, Application a, Stage from) {
        String key = a.id.toString();
        outbox.append(Topics.APPLICATIONS, key, type, "applications/" + key, write(ApplicationEventData.of(a, from)));
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize event data", e);
        }
    }
}

package org.jobboard.applications.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.Stage;
import org.jobboard.contracts.applications.ApplicationStage;

import java.time.Instant;

/**
 * The data of every event on jobboard.applications.v1 (schema: contracts' application-event.v1.json): ids, stages and
 * the version only. {@code from} is absent on submission.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationEventData(String applicationId, String postingId, String organizationId,
        ApplicationStage from, ApplicationStage stage, long version, Instant occurredAt) {

    /** The application as it is after the change; {@code from} is the stage before it (null on submission). */
    public static ApplicationEventData of(Application a, Stage from) {
        return new ApplicationEventData(a.id.toString(), a.postingId.toString(), a.organizationId.toString(),
                from == null ? null : from.published(), a.stage.published(), a.version, a.updatedAt);
    }
}

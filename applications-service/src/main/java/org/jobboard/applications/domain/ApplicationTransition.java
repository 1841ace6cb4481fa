package org.jobboard.applications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jobboard.platform.ids.Ids;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an application's append-only pipeline history. The table refuses deletes and updates (a trigger);
 * only erasure may blank the note and the candidate's subject, with a native update.
 */
@Entity
@Immutable
@Table(name = "application_transition")
public class ApplicationTransition {
    @Id
    public UUID id;

    @Column(name = "application_id")
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public Stage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage")
    public Stage toStage;

    @Enumerated(EnumType.STRING)
    public RejectReason reason;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role")
    public ActorRole actorRole;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** Insertion order, assigned by the database: the history's order even within one transaction. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    public static ApplicationTransition of(UUID applicationId, Stage from, Stage to, RejectReason reason, String note,
            ActorRole role, String subject, Instant at) {
        ApplicationTransition t = new ApplicationTransition();
        t.id = Ids.newUuid();
        t.applicationId = applicationId;
        t.fromStage = from;
        t.toStage = to;
        t.reason = reason;
        t.note = note;
        t.actorRole = role;
        t.actorSubject = subject;
        t.occurredAt = at;
        return t;
    }
}

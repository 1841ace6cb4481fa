-- The pipeline history: one row per stage change (who, when, from, to, reason, note), never rewritten.
create table application_transition (
    id             uuid primary key,
    application_id uuid        not null references application (id),
    from_stage     text,
    to_stage       text        not null,
    reason         text,
    note           text,
    -- candidate, recruiter or system; the subject is null for the system and once a candidate's data is erased
    actor_role     text        not null,
    actor_subject  text,
    occurred_at    timestamptz not null
);
create index application_transition_application on application_transition (application_id, occurred_at, id);

-- Append-only, enforced by the database: no delete, and no update except what erasure needs (blanking the
-- note, which may describe the candidate, and the subject of the candidate's own actions).
create function application_transition_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'application_transition is append-only';
    end if;
    if new.id <> old.id or new.application_id <> old.application_id or new.occurred_at <> old.occurred_at
            or new.from_stage is distinct from old.from_stage or new.to_stage <> old.to_stage
            or new.reason is distinct from old.reason or new.actor_role <> old.actor_role
            or (new.note is not null and new.note is distinct from old.note)
            or (new.actor_subject is not null and new.actor_subject is distinct from old.actor_subject) then
        raise exception 'application_transition is append-only: only erasure may blank note and actor_subject';
    end if;
    return new;
end
$$;
create trigger application_transition_append_only before update or delete on application_transition
    for each row execute function application_transition_append_only();

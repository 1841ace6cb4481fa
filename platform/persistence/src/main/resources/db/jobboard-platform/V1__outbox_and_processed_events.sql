-- Platform tables every database-owning service gets (platform-persistence; own history: platform_schema_history).
-- Idempotent: a database from before that history has them already (then V0_1 of the service's own history).

create table if not exists outbox_event (
    id           uuid primary key,
    seq          bigint generated always as identity unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    source       text        not null,
    subject      text,
    occurred_at  timestamptz not null,
    payload      text        not null,
    traceparent  text,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
-- the relay's query: unpublished rows in insertion order
create index if not exists outbox_event_unpublished on outbox_event (seq) where published_at is null;

create table if not exists processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

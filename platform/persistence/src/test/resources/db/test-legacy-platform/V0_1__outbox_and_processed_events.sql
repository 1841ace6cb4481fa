-- The platform tables as services migrated them before platform_schema_history (then db/platform in platform/src).
-- Platform tables every database-owning service gets (platform module, db/platform).

create table outbox_event (
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
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

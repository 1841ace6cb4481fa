-- Responses to POSTs sent with an Idempotency-Key, replayed for 24 hours (platform module).
create table idempotency_record (
    caller       text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    status       integer,
    body         text,
    location     text,
    etag         text,
    created_at   timestamptz not null,
    primary key (caller, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);

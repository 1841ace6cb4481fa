-- Files behind the storage port (PostgresFileStorage): the default store, object storage can replace it.
create table stored_file (
    id          uuid primary key,
    media_type  text        not null,
    size_bytes  bigint      not null,
    content     bytea       not null,
    created_at  timestamptz not null
);
-- resumes are PDF/DOCX/DOC (already compressed or not worth it): store them out of line without compression
alter table stored_file alter column content set storage external;

-- A resume: its type as detected from the content, its file in storage, and the text extracted for recruiters.
create table resume (
    application_id  uuid primary key references application (id),
    storage_key     text        not null,
    media_type      text        not null,
    size_bytes      bigint      not null,
    sha256          text        not null,
    extracted_text  text,
    created_at      timestamptz not null
);

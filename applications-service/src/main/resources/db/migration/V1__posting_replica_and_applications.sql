-- What this service knows about postings, from jobboard.postings.v1 (never read from postings-service).
create table posting_replica (
    id               uuid primary key,
    organization_id  uuid        not null,
    status           text        not null,
    title            text        not null,
    valid_through    timestamptz,
    apply_type       text,
    questions        jsonb       not null default '[]',
    version          bigint      not null,
    closed_at        timestamptz,
    updated_at       timestamptz not null
);

create table application (
    id                 uuid primary key,
    posting_id         uuid        not null references posting_replica (id),
    organization_id    uuid        not null,
    candidate_subject  text        not null,
    name               text,
    email              text,
    phone              text,
    answers            jsonb       not null default '{}',
    cover_letter       text,
    consent            jsonb,
    source             jsonb,
    stage              text        not null,
    reject_reason      text,
    erased             boolean     not null default false,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
-- one active application per candidate and posting, also under concurrent submits
create unique index application_one_active on application (posting_id, candidate_subject)
    where stage not in ('WITHDRAWN', 'REJECTED', 'HIRED');
create index application_candidate on application (candidate_subject, created_at desc, id desc);
create index application_posting_stage on application (posting_id, stage, created_at desc, id desc);
create index application_organization on application (organization_id, created_at desc, id desc);

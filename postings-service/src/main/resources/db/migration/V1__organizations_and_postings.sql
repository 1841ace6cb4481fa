create table organization (
    id            uuid primary key,
    name          text        not null,
    website       text,
    logo_url      text,
    description   text,
    headquarters  jsonb,
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create table posting (
    id                     uuid primary key,
    organization_id        uuid        not null references organization (id),
    status                 text        not null,
    title                  text        not null,
    description            text,
    requisition_id         text,
    employment_types       jsonb       not null default '[]',
    workplace_type         text,
    locations              jsonb       not null default '[]',
    applicant_locations    jsonb       not null default '[]',
    salary                 jsonb,
    seniority              text,
    skills                 jsonb       not null default '[]',
    category               text,
    apply_method           jsonb,
    valid_through          timestamptz,
    close_reason           text,
    version                bigint      not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    published_at           timestamptz,
    closed_at              timestamptz
);
create unique index posting_requisition_unique on posting (organization_id, requisition_id) where requisition_id is not null;
-- recruiters' lists (organization, status) and the public list (published, newest first)
create index posting_org_status on posting (organization_id, status, updated_at desc, id desc);
create index posting_published on posting (updated_at desc, id desc) where status = 'PUBLISHED';
-- the expiry job
create index posting_expiry on posting (valid_through) where status = 'PUBLISHED';

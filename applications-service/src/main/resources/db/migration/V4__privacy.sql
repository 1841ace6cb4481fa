-- When a candidate's data was erased (DELETE /v1/me) or anonymized by retention.
alter table application add column erased_at timestamptz;

-- The retention job looks for postings closed (or expired) long ago, then their applications not yet erased.
create index posting_replica_closed on posting_replica (coalesce(closed_at, updated_at)) where status <> 'PUBLISHED';
create index application_not_erased on application (posting_id) where not erased;

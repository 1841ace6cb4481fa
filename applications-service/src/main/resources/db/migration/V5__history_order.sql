-- Transitions written in one transaction (a knockout: APPLIED then REJECTED) share their timestamp; the history is
-- ordered by insertion.
alter table application_transition add column seq bigint generated always as identity;
create index application_transition_order on application_transition (application_id, seq);

-- Resume text is extracted in the background (ResumeTextWorker), not in the apply request: the request stores the
-- file and a PENDING row; a worker on any replica claims pending rows (FOR UPDATE SKIP LOCKED), extracts the text and
-- marks the row DONE, or FAILED once the document cannot be read or the attempts are used up. The file is kept either way.
alter table resume add column extraction_status text not null default 'DONE'
    constraint resume_extraction_status check (extraction_status in ('PENDING', 'DONE', 'FAILED'));
-- rows from before this migration had their text extracted in the request: DONE; new rows always say what they are
alter table resume alter column extraction_status drop default;
-- claims so far; a claim counts before the parse, so a document that crashes the worker still ends FAILED
alter table resume add column extraction_attempts integer not null default 0;
-- a PENDING row is due at this time: after a failed attempt (back-off), or when a claim's lease ends (crashed worker)
alter table resume add column extraction_due_at timestamptz;
-- why extraction FAILED, in our words (never text from the document)
alter table resume add column extraction_error text;

create index resume_extraction_due on resume (extraction_due_at) where extraction_status = 'PENDING';

-- A tombstone (deletion on a compacted topic) is an outbox row without data: the relay sends a null record value.
alter table outbox_event alter column payload drop not null;

-- Schema version 15: retention (gallring, SoL chapter 12; issue 12, decision 0012).
--
-- A person whose last entry is older than the retention period is deleted for good: the person,
-- every enrolment and all work under them, their change-log rows and field versions, and their
-- audit entries older than the period. What stays is a purge record: which person and which
-- records went, by id only, when and by whom. It travels in packages like any record, so every
-- other laptop deletes the same records, and it stays, so that a package from a laptop that has
-- not yet heard of the purge cannot bring them back.
CREATE TABLE purge (
    id             TEXT PRIMARY KEY NOT NULL,
    version_stamp  TEXT NOT NULL,
    changed_by     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0),
    participant_id TEXT NOT NULL,
    -- every record deleted with the person (their ids, comma-separated): ids are unique across
    -- entities, so a receiver finds them whatever table they are in
    record_ids     TEXT NOT NULL,
    purged_on      TEXT NOT NULL,
    -- the person's audit entries from before this day went too (the newer ones stay, ids only)
    audit_before_on TEXT NOT NULL,
    -- who decided (a coach id, as text: the coach record need not be held by every reader)
    coach_id       TEXT
) STRICT;

CREATE TRIGGER purge_never_changed
BEFORE UPDATE ON purge
BEGIN
    SELECT RAISE(ABORT, 'a purge record is never changed');
END;

-- The ids of every record purged here or by a purge received (local, never synchronised): a
-- change of one of them, or one that refers to one of them, is dropped at an import.
CREATE TABLE purged_record (
    record_id TEXT PRIMARY KEY NOT NULL
) STRICT, WITHOUT ROWID;

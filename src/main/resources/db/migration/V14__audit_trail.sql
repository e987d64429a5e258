-- Schema version 14: the audit trail (issue 12; decision 0011).
--
-- Social services must be able to say who read and who changed a person's records, and when
-- (SoLPuL; IMY on access logging). One row per thing done: when, who (the user of the database
-- that did it, and its device), what (a code of the closed list in domain/AuditAction), and
-- which records, by id only. No name, no personal identity number, no note: the trail itself
-- must not become a second copy of the case.
--
-- Entries travel in caseload packages like any record (append-only, as meetings), so a team
-- lead's database holds the team's trail. The ids are plain text, not references: an entry is
-- about a record, it does not belong to it, and it must survive (and not hold up) the deletion
-- of the record it names at retention.
CREATE TABLE audit_entry (
    id             TEXT PRIMARY KEY NOT NULL,
    version_stamp  TEXT NOT NULL,
    changed_by     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0),
    -- the instant, ISO-8601 in UTC (2026-12-02T09:15:30.123Z): sorts as text
    done_at        TEXT NOT NULL,
    -- the coach id of the database's user; null only before a user was chosen
    user_id        TEXT,
    device_id      TEXT NOT NULL,
    action         TEXT NOT NULL,
    participant_id TEXT,
    enrolment_id   TEXT,
    -- the record the action was about, when it is neither of the two above (a meeting, a plan)
    record_id      TEXT,
    -- a code or an id (the kind of report, a package id, a device id), never free text
    detail         TEXT
) STRICT;

CREATE INDEX audit_entry_done_at ON audit_entry (done_at);
CREATE INDEX audit_entry_participant ON audit_entry (participant_id, done_at) WHERE participant_id IS NOT NULL;
CREATE INDEX audit_entry_user ON audit_entry (user_id, done_at);

-- Nothing changes an entry, and only retention deletes one: while retention runs it puts a row
-- here inside its own transaction and takes it away before the commit. The program has no other
-- path that writes this table. (Local, never synchronised.)
CREATE TABLE audit_retention_gate (
    open INTEGER PRIMARY KEY NOT NULL CHECK (open = 1)
) STRICT;

CREATE TRIGGER audit_entry_never_changed
BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'an audit entry is never changed');
END;

CREATE TRIGGER audit_entry_deleted_by_retention_only
BEFORE DELETE ON audit_entry
WHEN NOT EXISTS (SELECT 1 FROM audit_retention_gate)
BEGIN
    SELECT RAISE(ABORT, 'an audit entry is deleted by retention only');
END;

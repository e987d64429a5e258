-- Jobbtorg Coach, schema version 1: coaches, participants, enrolments, the change log.
--
-- Every synchronised table carries the same four bookkeeping columns:
--   id             random UUID, the record's identity on every device
--   version_stamp  hybrid logical clock of the last change: 'wall millis-counter-device'
--                  (fixed width, so text order is time order across laptops)
--   changed_by     device id of the last change
--   deleted        1 = tombstone; records are never removed by an ordinary change
-- Dates are ISO-8601 text (yyyy-mm-dd); instants are ISO-8601 UTC text.

CREATE TABLE local_state (
    -- Settings of this database file only (device id, clock, current coach). Never synced.
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE coach (
    id            TEXT PRIMARY KEY NOT NULL,
    version_stamp TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    name          TEXT NOT NULL,
    unit          TEXT
) STRICT;

CREATE TABLE participant (
    id                TEXT PRIMARY KEY NOT NULL,
    version_stamp     TEXT NOT NULL,
    changed_by        TEXT NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    -- personal identity number, normalised to 12 digits (yyyymmddnnnn)
    personal_number   TEXT NOT NULL CHECK (length(personal_number) = 12),
    first_name        TEXT NOT NULL,
    last_name         TEXT NOT NULL,
    phone             TEXT,
    email             TEXT,
    home_district     TEXT,
    -- derived from the name: binary order of this text is Swedish order (å, ä, ö last)
    sort_name         TEXT NOT NULL
) STRICT;

-- Partial, so that a lookup by id never looks cheaper as a walk over every undeleted row.
CREATE INDEX participant_sort ON participant (sort_name) WHERE deleted = 0;
CREATE INDEX participant_number ON participant (personal_number);

-- Derived search index: word prefixes of the name and of the number, so that search as you
-- type is an index range scan at any caseload size. Rebuilt from participant, never synced.
CREATE TABLE participant_search (
    token          TEXT NOT NULL,
    participant_id TEXT NOT NULL REFERENCES participant (id),
    PRIMARY KEY (token, participant_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX participant_search_participant ON participant_search (participant_id);

CREATE TABLE enrolment (
    id                   TEXT PRIMARY KEY NOT NULL,
    version_stamp        TEXT NOT NULL,
    changed_by           TEXT NOT NULL,
    deleted              INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    participant_id       TEXT NOT NULL REFERENCES participant (id),
    coach_id             TEXT REFERENCES coach (id),
    enrolled_on          TEXT NOT NULL,
    referring_unit       TEXT NOT NULL,
    social_secretary     TEXT,
    -- target group codes of the Jobbtorg proposal, comma separated, in catalogue order
    target_groups        TEXT NOT NULL,
    language             TEXT,
    interpreter_needed   INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1))
) STRICT;

CREATE INDEX enrolment_participant ON enrolment (participant_id, enrolled_on);
CREATE INDEX enrolment_coach ON enrolment (coach_id, enrolled_on);

-- One row per change, written in the same transaction as the change itself. Sync reads it:
-- seq is this device's sequence number, fields names the columns that changed (JSON array),
-- base_stamp is the version the change started from (NULL for a new record).
CREATE TABLE change_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    entity      TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    fields      TEXT NOT NULL,
    base_stamp  TEXT,
    new_stamp   TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted     INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    logged_at   TEXT NOT NULL
) STRICT;

CREATE INDEX change_log_record ON change_log (entity, record_id);

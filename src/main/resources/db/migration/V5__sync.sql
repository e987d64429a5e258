-- Schema version 5: the caseload package (sync). See src/docs/caseload-package.md.
--
-- The change log becomes the history every device merges from: each change carries the values
-- of the fields it changed and, per field, the stamps of the versions its editor had seen (its
-- bases). A field's current value is the value of its newest change; two changes of one field
-- that did not see each other both stay as heads, and the one not shown is a conflict for a
-- person to resolve. Rows from before version 5 get their values when the database is opened.
ALTER TABLE change_log ADD COLUMN field_values TEXT;
ALTER TABLE change_log ADD COLUMN field_bases TEXT;
-- Which device's log a received change came through is not kept: a change is the same change
-- whichever laptop brought it, and is stored once.
CREATE UNIQUE INDEX change_log_change ON change_log (entity, record_id, new_stamp);

-- The versions of a field that no other change has seen, when there is more than one: the newest
-- is shown, the others are conflicts. A field with one head has no row here.
CREATE TABLE field_head (
    entity    TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    stamp     TEXT NOT NULL,
    PRIMARY KEY (entity, record_id, field, stamp)
) STRICT, WITHOUT ROWID;

-- A participant registered twice offline (two ids, one personal identity number) is merged on
-- import into the record with the smaller id; the other stays as a tombstone pointing there.
-- The rule compares the number as registered, which never changes (derived: it does not travel,
-- every device takes it from the record's first change), so its answer does not depend on the
-- order in which a later correction of the number arrives.
ALTER TABLE participant ADD COLUMN merged_into TEXT;
ALTER TABLE participant ADD COLUMN registered_number TEXT;
UPDATE participant SET registered_number = personal_number;
CREATE INDEX participant_registered ON participant (registered_number) WHERE merged_into IS NULL;

-- What this database knows of other devices: how far their change logs have been received
-- here (a delta that starts later is a gap and is refused), and how far they have received ours
-- (read from the packages they send back), so the next delta for them starts there.
CREATE TABLE sync_peer (
    device_id        TEXT PRIMARY KEY NOT NULL,
    label            TEXT,
    received_through INTEGER NOT NULL DEFAULT 0,
    acknowledged     INTEGER NOT NULL DEFAULT 0,
    last_exchange    TEXT,
    -- the Ed25519 key its packages were first signed with: later ones must carry the same
    public_key       TEXT
) STRICT;

-- Every package imported (not dry runs): so a person can see what came in, and when.
CREATE TABLE sync_import (
    package_id    TEXT PRIMARY KEY NOT NULL,
    producer      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    seq_from      INTEGER NOT NULL,
    seq_to        INTEGER NOT NULL,
    imported_at   TEXT NOT NULL,
    new_records   INTEGER NOT NULL,
    updated       INTEGER NOT NULL,
    unchanged     INTEGER NOT NULL,
    conflicts     INTEGER NOT NULL
) STRICT;

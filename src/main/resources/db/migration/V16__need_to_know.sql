-- Schema version 16: need-to-know packages (issue 12, decision 0013).
--
-- A package made for one colleague holds what that colleague may see. To know what that is, a
-- device keeps each peer's user and role, as the peer's own packages state them (format
-- version 3); a peer met before this version has neither until its next package comes in.
ALTER TABLE sync_peer ADD COLUMN coach_id TEXT;
ALTER TABLE sync_peer ADD COLUMN role TEXT;

-- What went to a coach's device of each enrolment (local, never synchronised). state 0: its
-- history went, and the next package carries only what changed in it since; an enrolment of the
-- coach's without a row (or whose package is not acknowledged yet) goes whole. state 1: it is
-- another coach's now, and it went once more as it stands, so the device learns it and lets go
-- of its copy. state 2: the device has acknowledged that: nothing more of it goes.
CREATE TABLE shared_enrolment (
    peer_device  TEXT NOT NULL,
    enrolment_id TEXT NOT NULL,
    -- the last sequence number of this database's log in the package that carried it
    sent_through INTEGER NOT NULL,
    state        INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
    PRIMARY KEY (peer_device, enrolment_id)
) STRICT, WITHOUT ROWID;

-- What a device made itself, found fast when a package for it is planned: the people it
-- registered and the enrolments it made (a lead's log holds millions of other rows).
CREATE INDEX change_log_made_on ON change_log (device_id, entity, record_id)
    WHERE entity IN ('participant', 'enrolment');

-- A person's group is found by these when a laptop lets go of it or a package carries it.
CREATE INDEX participant_merged_into ON participant (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX activity_follow_up_activity ON activity_follow_up (activity_id);

-- The stretches of this database's log that came in packages from a team lead's device (local):
-- a lead has every change in them, so a coach's laptop may let go of them without waiting for
-- the lead to acknowledge them back.
CREATE TABLE lead_relayed (
    seq_from INTEGER NOT NULL,
    seq_to   INTEGER NOT NULL,
    PRIMARY KEY (seq_from, seq_to)
) STRICT, WITHOUT ROWID;

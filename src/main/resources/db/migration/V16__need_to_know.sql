-- Schema version 16: need-to-know packages (issue 12, decision 0013).
--
-- A package made for one colleague holds what that colleague may see. To know what that is, a
-- device keeps each peer's user and role, as the peer's own packages state them (format
-- version 3); a peer met before this version has neither until its next package comes in.
ALTER TABLE sync_peer ADD COLUMN coach_id TEXT;
ALTER TABLE sync_peer ADD COLUMN role TEXT;

-- The enrolments whose history went to a coach's device (local, never synchronised): the next
-- package for that device carries only what changed in them since. An enrolment assigned to the
-- coach and not listed here (or listed but not yet acknowledged) goes with its whole history;
-- one listed that is no longer the coach's goes once more as it stands now, so the coach's
-- laptop learns it was reassigned (leaving = 1), and its row goes once the device acknowledges
-- that package.
CREATE TABLE shared_enrolment (
    peer_device  TEXT NOT NULL,
    enrolment_id TEXT NOT NULL,
    -- the last sequence number of this database's log in the package that carried it
    sent_through INTEGER NOT NULL,
    leaving      INTEGER NOT NULL DEFAULT 0 CHECK (leaving IN (0, 1)),
    PRIMARY KEY (peer_device, enrolment_id)
) STRICT, WITHOUT ROWID;

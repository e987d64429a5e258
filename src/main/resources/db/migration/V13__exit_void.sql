-- Schema version 13: an exit, or the check a month after it, entered in error (issue 11).
--
-- The exit and its check are fields of the enrolment, not entries of their own, so undoing one
-- is an ordinary edit that empties the fields having seen them: a "deliberate reopening" in the
-- merge's terms (the exit fields are sticky, and only a change that lists the exit in its bases
-- empties them on every device). What the edit cannot say is why. That is kept here, as one more
-- void: it names the enrolment in the column for what was undone, with the date of the exit or
-- check it undid, so the history still shows it, struck through with the reason (decision 0009).
--
-- SQLite cannot change a table's CHECK, so the table is made anew with two more references and
-- the date, and the voids so far copied over.
CREATE TABLE entry_void_v13 (
    id                      TEXT PRIMARY KEY NOT NULL,
    version_stamp           TEXT NOT NULL,
    changed_by              TEXT NOT NULL,
    deleted                 INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    meeting_id              TEXT REFERENCES meeting (id),
    mapping_entry_id        TEXT REFERENCES mapping_entry (id),
    activity_follow_up_id   TEXT REFERENCES activity_follow_up (id),
    deadline_reason_id      TEXT REFERENCES deadline_reason (id),
    exit_enrolment_id       TEXT REFERENCES enrolment (id),
    exit_check_enrolment_id TEXT REFERENCES enrolment (id),
    undone_date             TEXT,
    reason                  TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    coach_id                TEXT NOT NULL REFERENCES coach (id),
    voided_on               TEXT NOT NULL,
    CHECK ((meeting_id IS NOT NULL) + (mapping_entry_id IS NOT NULL)
           + (activity_follow_up_id IS NOT NULL) + (deadline_reason_id IS NOT NULL)
           + (exit_enrolment_id IS NOT NULL) + (exit_check_enrolment_id IS NOT NULL) = 1),
    -- The date of the exit or check undone, and only for those.
    CHECK ((undone_date IS NOT NULL) = (exit_enrolment_id IS NOT NULL OR exit_check_enrolment_id IS NOT NULL))
) STRICT;

INSERT INTO entry_void_v13 (id, version_stamp, changed_by, deleted, meeting_id, mapping_entry_id,
                            activity_follow_up_id, deadline_reason_id, reason, coach_id, voided_on)
SELECT id, version_stamp, changed_by, deleted, meeting_id, mapping_entry_id,
       activity_follow_up_id, deadline_reason_id, reason, coach_id, voided_on
FROM entry_void;

DROP TABLE entry_void;
ALTER TABLE entry_void_v13 RENAME TO entry_void;

CREATE INDEX entry_void_meeting ON entry_void (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX entry_void_mapping_entry ON entry_void (mapping_entry_id) WHERE mapping_entry_id IS NOT NULL;
CREATE INDEX entry_void_follow_up ON entry_void (activity_follow_up_id) WHERE activity_follow_up_id IS NOT NULL;
CREATE INDEX entry_void_deadline_reason ON entry_void (deadline_reason_id) WHERE deadline_reason_id IS NOT NULL;
CREATE INDEX entry_void_exit ON entry_void (exit_enrolment_id) WHERE exit_enrolment_id IS NOT NULL;
CREATE INDEX entry_void_exit_check ON entry_void (exit_check_enrolment_id) WHERE exit_check_enrolment_id IS NOT NULL;

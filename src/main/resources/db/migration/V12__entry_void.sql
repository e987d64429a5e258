-- Schema version 12: entries entered in error ("makulerade"). Meetings, mapping entries,
-- follow-ups and deadline reasons are only ever added, so a mistaken one cannot be removed or
-- edited; a void is one more entry that names it, with a reason, who and when. The entry stays
-- in the history, struck through, and no longer counts anywhere (decision 0009).
--
-- One column per entity a void may name, exactly one of them set, rather than an entity name
-- and an id: the database then holds the reference as it holds every other one, and a package
-- that voids a record the receiver does not have is refused as `orphan` by the same rule.
-- A void is never edited or deleted: two devices voiding the same entry leave two voids, and
-- the entry is void either way, whatever order they arrive in.
CREATE TABLE entry_void (
    id                    TEXT PRIMARY KEY NOT NULL,
    version_stamp         TEXT NOT NULL,
    changed_by            TEXT NOT NULL,
    deleted               INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    meeting_id            TEXT REFERENCES meeting (id),
    mapping_entry_id      TEXT REFERENCES mapping_entry (id),
    activity_follow_up_id TEXT REFERENCES activity_follow_up (id),
    deadline_reason_id    TEXT REFERENCES deadline_reason (id),
    reason                TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    coach_id              TEXT NOT NULL REFERENCES coach (id),
    voided_on             TEXT NOT NULL,
    CHECK ((meeting_id IS NOT NULL) + (mapping_entry_id IS NOT NULL)
           + (activity_follow_up_id IS NOT NULL) + (deadline_reason_id IS NOT NULL) = 1)
) STRICT;

CREATE INDEX entry_void_meeting ON entry_void (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX entry_void_mapping_entry ON entry_void (mapping_entry_id) WHERE mapping_entry_id IS NOT NULL;
CREATE INDEX entry_void_follow_up ON entry_void (activity_follow_up_id) WHERE activity_follow_up_id IS NOT NULL;
CREATE INDEX entry_void_deadline_reason ON entry_void (deadline_reason_id) WHERE deadline_reason_id IS NOT NULL;

-- Schema version 20: the people never enrolled, kept (issue 16).
--
-- Today reminds a coach to enrol each person registered and not enrolled (or whose every
-- enrolment is deleted). Finding them was a walk over every participant, each looked up among the
-- enrolments: 86-117 ms at 100,000 participants, paid by the first Today after every commit. Here
-- they are kept, so that Today reads the few there are.
--
-- Derived, never synced. Kept by the triggers below in the same transaction as the write that
-- changes it, whoever writes (the repositories, the sync merge, a deletion, the import); the bench's
-- bulk load sets the triggers aside and derives the table in one pass, as for migration 11.
CREATE TABLE participant_unenrolled (
    participant_id TEXT PRIMARY KEY NOT NULL
) STRICT, WITHOUT ROWID;

-- What the table holds, and what the triggers and a test compare it with.
CREATE VIEW participant_unenrolled_derived AS
SELECT p.id AS participant_id
FROM participant p
WHERE p.deleted = 0
  AND p.merged_into IS NULL
  AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = p.id AND e.deleted = 0);

INSERT INTO participant_unenrolled (participant_id)
SELECT participant_id FROM participant_unenrolled_derived ORDER BY participant_id;

-- A person, new, deleted or merged into another: their row as the view says.
CREATE TRIGGER participant_unenrolled_added
AFTER INSERT ON participant
BEGIN
    INSERT OR IGNORE INTO participant_unenrolled (participant_id)
    SELECT participant_id FROM participant_unenrolled_derived WHERE participant_id = NEW.id;
END;

CREATE TRIGGER participant_unenrolled_changed
AFTER UPDATE OF deleted, merged_into ON participant
WHEN OLD.deleted IS NOT NEW.deleted OR OLD.merged_into IS NOT NEW.merged_into
BEGIN
    DELETE FROM participant_unenrolled WHERE participant_id = NEW.id;
    INSERT OR IGNORE INTO participant_unenrolled (participant_id)
    SELECT participant_id FROM participant_unenrolled_derived WHERE participant_id = NEW.id;
END;

CREATE TRIGGER participant_unenrolled_removed
AFTER DELETE ON participant
BEGIN
    DELETE FROM participant_unenrolled WHERE participant_id = OLD.id;
END;

-- An enrolment, new, deleted, moved to another person (a merge) or let go of: each person's row again.
CREATE TRIGGER participant_unenrolled_enrolment_added
AFTER INSERT ON enrolment
WHEN NEW.deleted = 0
BEGIN
    DELETE FROM participant_unenrolled WHERE participant_id = NEW.participant_id;
END;

CREATE TRIGGER participant_unenrolled_enrolment_changed
AFTER UPDATE OF deleted, participant_id ON enrolment
WHEN OLD.deleted IS NOT NEW.deleted OR OLD.participant_id IS NOT NEW.participant_id
BEGIN
    DELETE FROM participant_unenrolled WHERE participant_id IN (OLD.participant_id, NEW.participant_id);
    INSERT OR IGNORE INTO participant_unenrolled (participant_id)
    SELECT participant_id FROM participant_unenrolled_derived
    WHERE participant_id IN (OLD.participant_id, NEW.participant_id);
END;

CREATE TRIGGER participant_unenrolled_enrolment_removed
AFTER DELETE ON enrolment
BEGIN
    INSERT OR IGNORE INTO participant_unenrolled (participant_id)
    SELECT participant_id FROM participant_unenrolled_derived WHERE participant_id = OLD.participant_id;
END;

-- Schema version 25: what a coach's list computes each row's deadlines from is kept in one row per
-- enrolment, by coach (issue 16).
--
-- The list computes each enrolment's deadlines, reminders, next meeting and last contact from its
-- plan versions, activities and meetings (WorkflowRepository.inputs). Read from their indexes, a
-- coach's 60-odd enrolments took an index seek each in three indexes, one page apiece wherever the
-- enrolment's rows were written: with the enrolment and the person, about 450 pages a list, each
-- decrypted when read (SQLCipher 4: AES and an HMAC-SHA512 per page, decision 0006). On the
-- 100,000 city a list took 12-13 ms at p50 and 22-26 ms at p95, against a target of 20 ms; with
-- the same pages already decrypted in the cache, 4-5 ms of it was left (measured 2026-12-04).
-- Kept here, a coach's rows lie together (the rows are written in coach order; a row written
-- again goes to the end of the table, with the others written since).
--
-- Kept for the enrolments a coach's list can show: with a coach, not deleted, and no check after
-- the exit recorded (the open ones and the exits whose check is still due; the list leaves the
-- others out). plans, activities and meetings are JSON arrays of arrays, the columns the rules read
-- in this order, in no particular order of rows:
--   plans:      [id, version, goal, drawn_up_on, approved_on, approved_by, review]  (not deleted)
--   activities: [id, plan_id, kind, start_on, end_on, ended_on]  (not deleted, of plans not deleted)
--   meetings:   [id, supersedes, meeting_at, kind, outcome, duty_explained_on]  (not deleted, not voided)
-- A rowid table, not one keyed by its key alone: in such a table a row of more than about 1,000
-- bytes (a list's rows are 1.3 KB on average) leaves its rest on an overflow page of its own.
CREATE TABLE caseload_glance (
    coach_id      TEXT NOT NULL,
    enrolment_id  TEXT NOT NULL,
    plans         TEXT NOT NULL,
    activities    TEXT NOT NULL,
    meetings      TEXT NOT NULL,
    PRIMARY KEY (coach_id, enrolment_id)
) STRICT;

CREATE VIEW caseload_glance_derived AS
SELECT e.coach_id,
       e.id AS enrolment_id,
       (SELECT json_group_array(json_array(p.id, p.version, p.goal, p.drawn_up_on, p.approved_on,
                                           p.approved_by, p.review))
        FROM activity_plan p
        WHERE p.enrolment_id = e.id AND p.deleted = 0) AS plans,
       (SELECT json_group_array(json_array(a.id, a.plan_id, a.kind, a.start_on, a.end_on, a.ended_on))
        FROM activity_plan p CROSS JOIN activity a
        WHERE p.enrolment_id = e.id AND p.deleted = 0 AND a.plan_id = p.id AND a.deleted = 0) AS activities,
       (SELECT json_group_array(json_array(m.id, m.supersedes, m.meeting_at, m.kind, m.outcome,
                                           m.duty_explained_on))
        FROM meeting m
        WHERE m.enrolment_id = e.id AND m.deleted = 0
          AND NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.meeting_id = m.id AND v.deleted = 0)) AS meetings
FROM enrolment e
WHERE e.coach_id IS NOT NULL AND e.deleted = 0 AND e.exit_check IS NULL;

INSERT INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
SELECT coach_id, enrolment_id, plans, activities, meetings
FROM caseload_glance_derived
ORDER BY coach_id, enrolment_id;

-- Each trigger derives the rows of the enrolments a write touches again: the row goes (the
-- enrolment may have left the list or changed coach) and comes back if the enrolment is kept. A
-- record whose enrolment (or plan) has not arrived yet (an import brings records in any order)
-- changes nothing: the enrolment's own trigger derives the row when it comes.
CREATE TRIGGER caseload_glance_enrolment_added
AFTER INSERT ON enrolment
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id = NEW.id;
END;

CREATE TRIGGER caseload_glance_enrolment_changed
AFTER UPDATE OF id, coach_id, deleted, exit_check ON enrolment
WHEN OLD.id IS NOT NEW.id
  OR OLD.coach_id IS NOT NEW.coach_id
  OR OLD.deleted IS NOT NEW.deleted
  OR OLD.exit_check IS NOT NEW.exit_check
BEGIN
    DELETE FROM caseload_glance WHERE coach_id = OLD.coach_id AND enrolment_id = OLD.id;
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id = NEW.id;
END;

CREATE TRIGGER caseload_glance_enrolment_removed
AFTER DELETE ON enrolment
BEGIN
    DELETE FROM caseload_glance WHERE coach_id = OLD.coach_id AND enrolment_id = OLD.id;
END;

CREATE TRIGGER caseload_glance_plan_added
AFTER INSERT ON activity_plan
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id = NEW.enrolment_id;
END;

CREATE TRIGGER caseload_glance_plan_changed
AFTER UPDATE OF id, deleted, enrolment_id, version, goal, drawn_up_on, approved_on, approved_by, review
ON activity_plan
WHEN OLD.id IS NOT NEW.id
  OR OLD.deleted IS NOT NEW.deleted
  OR OLD.enrolment_id IS NOT NEW.enrolment_id
  OR OLD.version IS NOT NEW.version
  OR OLD.goal IS NOT NEW.goal
  OR OLD.drawn_up_on IS NOT NEW.drawn_up_on
  OR OLD.approved_on IS NOT NEW.approved_on
  OR OLD.approved_by IS NOT NEW.approved_by
  OR OLD.review IS NOT NEW.review
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id IN (OLD.enrolment_id, NEW.enrolment_id);
END;

CREATE TRIGGER caseload_glance_plan_removed
AFTER DELETE ON activity_plan
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id = OLD.enrolment_id;
END;

CREATE TRIGGER caseload_glance_activity_added
AFTER INSERT ON activity
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id IN (SELECT p.enrolment_id FROM activity_plan p WHERE p.id = NEW.plan_id);
END;

CREATE TRIGGER caseload_glance_activity_changed
AFTER UPDATE OF id, deleted, plan_id, kind, start_on, end_on, ended_on
ON activity
WHEN OLD.id IS NOT NEW.id
  OR OLD.deleted IS NOT NEW.deleted
  OR OLD.plan_id IS NOT NEW.plan_id
  OR OLD.kind IS NOT NEW.kind
  OR OLD.start_on IS NOT NEW.start_on
  OR OLD.end_on IS NOT NEW.end_on
  OR OLD.ended_on IS NOT NEW.ended_on
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id IN (SELECT p.enrolment_id FROM activity_plan p WHERE p.id IN (OLD.plan_id, NEW.plan_id));
END;

CREATE TRIGGER caseload_glance_activity_removed
AFTER DELETE ON activity
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id IN (SELECT p.enrolment_id FROM activity_plan p WHERE p.id = OLD.plan_id);
END;

CREATE TRIGGER caseload_glance_meeting_added
AFTER INSERT ON meeting
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id = NEW.enrolment_id;
END;

CREATE TRIGGER caseload_glance_meeting_changed
AFTER UPDATE OF id, deleted, enrolment_id, supersedes, meeting_at, kind, outcome, duty_explained_on
ON meeting
WHEN OLD.id IS NOT NEW.id
  OR OLD.deleted IS NOT NEW.deleted
  OR OLD.enrolment_id IS NOT NEW.enrolment_id
  OR OLD.supersedes IS NOT NEW.supersedes
  OR OLD.meeting_at IS NOT NEW.meeting_at
  OR OLD.kind IS NOT NEW.kind
  OR OLD.outcome IS NOT NEW.outcome
  OR OLD.duty_explained_on IS NOT NEW.duty_explained_on
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id IN (OLD.enrolment_id, NEW.enrolment_id);
END;

CREATE TRIGGER caseload_glance_meeting_removed
AFTER DELETE ON meeting
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id = OLD.enrolment_id;
END;

-- A meeting voided (entered in error, decision 0009), or its void taken back, leaves the glance
-- or comes back to it.
CREATE TRIGGER caseload_glance_void_added
AFTER INSERT ON entry_void
WHEN NEW.meeting_id IS NOT NULL
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id IN (SELECT m.enrolment_id FROM meeting m WHERE m.id = NEW.meeting_id);
END;

CREATE TRIGGER caseload_glance_void_changed
AFTER UPDATE OF deleted, meeting_id ON entry_void
WHEN OLD.deleted IS NOT NEW.deleted
  OR OLD.meeting_id IS NOT NEW.meeting_id
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id IN (SELECT m.enrolment_id FROM meeting m WHERE m.id IN (OLD.meeting_id, NEW.meeting_id));
END;

CREATE TRIGGER caseload_glance_void_removed
AFTER DELETE ON entry_void
WHEN OLD.meeting_id IS NOT NULL
BEGIN
    INSERT OR REPLACE INTO caseload_glance (coach_id, enrolment_id, plans, activities, meetings)
    SELECT coach_id, enrolment_id, plans, activities, meetings
    FROM caseload_glance_derived
    WHERE enrolment_id IN (SELECT m.enrolment_id FROM meeting m WHERE m.id = OLD.meeting_id);
END;

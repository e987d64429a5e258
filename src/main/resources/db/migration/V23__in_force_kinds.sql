-- Schema version 23: the kinds of each enrolment's activities in force are kept with its facts
-- (issue 16).
--
-- The indicators count the activities of every enrolment's plan in force by kind. Until now a
-- report looked each enrolment's plan in force up in activity_plan_facts, then its activities in
-- activity_plan_kind: two index seeks per enrolment, 148,000 at city size, 1.5 s of a 2.3 s
-- report over the 100,000 city (measured on the kept city, 2026-12-04). Kept here, one text per
-- enrolment, the report reads every figure from one range of this table (IndicatorQueries).
--
-- in_force_kinds: the kind codes of the activities (not deleted) of the newest approved plan
-- version, comma-separated, one per activity (two of a kind are counted twice), in no particular
-- order; null with no plan in force or none of its activities left. Two approved versions of the
-- same number are both in force, as the indicators have always counted them.
ALTER TABLE enrolment_indicator ADD COLUMN in_force_kinds TEXT;

-- Read by no report any more: the plans in force were looked up from it.
DROP INDEX enrolment_indicator_plans;

DROP TRIGGER enrolment_indicator_added;
DROP TRIGGER enrolment_indicator_changed;
DROP TRIGGER enrolment_indicator_plan_added;
DROP TRIGGER enrolment_indicator_plan_changed;
DROP VIEW enrolment_indicator_derived;

-- Migration 11's view with the kinds.
CREATE VIEW enrolment_indicator_derived AS
SELECT e.referring_unit,
       e.enrolled_on,
       e.id AS enrolment_id,
       e.deleted,
       e.exited_on,
       e.exit_reason,
       e.exit_check,
       (SELECT min(p.approved_on) FROM activity_plan p
        WHERE p.enrolment_id = e.id AND p.deleted = 0) AS first_plan,
       (SELECT min(p.approved_on) FROM activity_plan p
        WHERE p.enrolment_id = e.id AND p.deleted = 0 AND p.review = 1) AS first_review,
       (SELECT max(earlier.exited_on) FROM enrolment earlier
        WHERE earlier.participant_id = e.participant_id
          AND earlier.deleted = 0
          AND earlier.exited_on IS NOT NULL
          AND earlier.enrolled_on < e.enrolled_on
          AND earlier.exited_on <= e.enrolled_on) AS last_exit,
       (SELECT max(p.version) FROM activity_plan p
        WHERE p.enrolment_id = e.id AND p.deleted = 0 AND p.approved_on IS NOT NULL) AS in_force_version,
       (SELECT group_concat(a.kind) FROM activity_plan p CROSS JOIN activity a
        WHERE p.enrolment_id = e.id AND p.deleted = 0 AND p.approved_on IS NOT NULL
          AND p.version = (SELECT max(v.version) FROM activity_plan v
                           WHERE v.enrolment_id = e.id AND v.deleted = 0 AND v.approved_on IS NOT NULL)
          AND a.plan_id = p.id AND a.deleted = 0) AS in_force_kinds,
       e.participant_id
FROM enrolment e;

DELETE FROM enrolment_indicator;
INSERT INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on, exit_reason,
                                 exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds)
SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on, exit_reason,
       exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds
FROM enrolment_indicator_derived
ORDER BY referring_unit, enrolled_on, enrolment_id;

-- Migration 11's triggers, with the kinds.
CREATE TRIGGER enrolment_indicator_added
AFTER INSERT ON enrolment
BEGIN
    INSERT OR REPLACE INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
                                                exit_reason, exit_check, first_plan, first_review, last_exit,
                                                in_force_version, in_force_kinds)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds
    FROM enrolment_indicator_derived
    WHERE participant_id = NEW.participant_id;
END;

CREATE TRIGGER enrolment_indicator_changed
AFTER UPDATE OF deleted, participant_id, enrolled_on, referring_unit, exited_on, exit_reason, exit_check
ON enrolment
WHEN OLD.deleted IS NOT NEW.deleted
  OR OLD.participant_id IS NOT NEW.participant_id
  OR OLD.enrolled_on IS NOT NEW.enrolled_on
  OR OLD.referring_unit IS NOT NEW.referring_unit
  OR OLD.exited_on IS NOT NEW.exited_on
  OR OLD.exit_reason IS NOT NEW.exit_reason
  OR OLD.exit_check IS NOT NEW.exit_check
BEGIN
    INSERT OR REPLACE INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
                                                exit_reason, exit_check, first_plan, first_review, last_exit,
                                                in_force_version, in_force_kinds)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds
    FROM enrolment_indicator_derived
    WHERE participant_id IN (OLD.participant_id, NEW.participant_id);
END;

CREATE TRIGGER enrolment_indicator_plan_added
AFTER INSERT ON activity_plan
BEGIN
    INSERT OR REPLACE INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
                                                exit_reason, exit_check, first_plan, first_review, last_exit,
                                                in_force_version, in_force_kinds)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds
    FROM enrolment_indicator_derived
    WHERE enrolment_id = NEW.enrolment_id;
END;

CREATE TRIGGER enrolment_indicator_plan_changed
AFTER UPDATE OF deleted, enrolment_id, version, approved_on, review
ON activity_plan
WHEN OLD.deleted IS NOT NEW.deleted
  OR OLD.enrolment_id IS NOT NEW.enrolment_id
  OR OLD.version IS NOT NEW.version
  OR OLD.approved_on IS NOT NEW.approved_on
  OR OLD.review IS NOT NEW.review
BEGIN
    INSERT OR REPLACE INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
                                                exit_reason, exit_check, first_plan, first_review, last_exit,
                                                in_force_version, in_force_kinds)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds
    FROM enrolment_indicator_derived
    WHERE enrolment_id IN (OLD.enrolment_id, NEW.enrolment_id);
END;

-- New: an activity written, deleted, moved to another plan or given another kind changes the kinds
-- of its plan's enrolment (if that plan is in force; the row is derived again either way). An
-- activity whose plan has not arrived yet (an import brings records in any order) changes nothing
-- here: the plan's own trigger derives the kinds when it comes.
CREATE TRIGGER enrolment_indicator_activity_added
AFTER INSERT ON activity
BEGIN
    INSERT OR REPLACE INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
                                                exit_reason, exit_check, first_plan, first_review, last_exit,
                                                in_force_version, in_force_kinds)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds
    FROM enrolment_indicator_derived
    WHERE enrolment_id IN (SELECT p.enrolment_id FROM activity_plan p WHERE p.id = NEW.plan_id);
END;

CREATE TRIGGER enrolment_indicator_activity_changed
AFTER UPDATE OF deleted, plan_id, kind
ON activity
WHEN OLD.deleted IS NOT NEW.deleted
  OR OLD.plan_id IS NOT NEW.plan_id
  OR OLD.kind IS NOT NEW.kind
BEGIN
    INSERT OR REPLACE INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
                                                exit_reason, exit_check, first_plan, first_review, last_exit,
                                                in_force_version, in_force_kinds)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds
    FROM enrolment_indicator_derived
    WHERE enrolment_id IN (SELECT p.enrolment_id FROM activity_plan p WHERE p.id IN (OLD.plan_id, NEW.plan_id));
END;

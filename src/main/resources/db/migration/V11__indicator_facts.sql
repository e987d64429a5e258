-- Schema version 11: the indicators read one narrow table instead of deriving every enrolment's
-- facts at each report.
--
-- At 100,000 participants (148,000 enrolments, 240,000 plan versions) much of a report's time
-- went into looking up, for each enrolment of the period, its first approval, its first approved
-- review, the exit it returned after and its plan in force. Here those are kept, one row per
-- enrolment, in unit and date order, so that a report is one range of this table (the city: all
-- of it; a unit: its own part). Measured through IndicatorReport.compute on a copy of the 100,000
-- city, the same busy machine for both, min of 3 (thread CPU time, then wall time): the city
-- 3.3 s to 2.2 s (22.1 s to 9.4 s), one unit 0.83 s to 0.28 s (3.2 s to 1.2 s). What is left of
-- the city is the forty filtered counts over 136,000 rows and the activities' index lookups.
--
-- Derived, never synced. Kept by the triggers below in the same transaction as the write that
-- changes a fact, whoever writes (the repositories, the sync merge, the bulk load of the bench and
-- the import). A deleted enrolment keeps its row, marked, as the enrolment itself does.
CREATE TABLE enrolment_indicator (
    referring_unit   TEXT NOT NULL,
    enrolled_on      TEXT NOT NULL,
    enrolment_id     TEXT NOT NULL UNIQUE,
    deleted          INTEGER NOT NULL,
    exited_on        TEXT,
    exit_reason      TEXT,
    exit_check       TEXT,
    -- the first approval of a plan version, and of a review
    first_plan       TEXT,
    first_review     TEXT,
    -- the person's latest exit on or before this enrolment, from an earlier enrolment in any unit
    last_exit        TEXT,
    -- the newest approved version: its activities are the ones counted
    in_force_version INTEGER,
    PRIMARY KEY (referring_unit, enrolled_on, enrolment_id)
) STRICT, WITHOUT ROWID;

-- The activities of the city: each enrolment's plan in force looked up in enrolment id order, so
-- that the lookups walk activity_plan_facts from end to end rather than at random (V10); the key
-- columns come with it, so the scope is read from this index alone. Measured on a copy of the
-- 100,000 city (thread CPU time, busy machine): 1.4 s to 0.95 s.
CREATE INDEX enrolment_indicator_plans ON enrolment_indicator (enrolment_id, deleted, in_force_version);

-- The view the table and its triggers are filled from: what the indicators derived at each report
-- until now, and what a test compares the table with.
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
       e.participant_id
FROM enrolment e;

-- In key order, so the new table is written front to back.
INSERT INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on, exit_reason,
                                 exit_check, first_plan, first_review, last_exit, in_force_version)
SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on, exit_reason,
       exit_check, first_plan, first_review, last_exit, in_force_version
FROM enrolment_indicator_derived
ORDER BY referring_unit, enrolled_on, enrolment_id;

-- An enrolment's facts and its return look at the person's other enrolments, so a change to one
-- enrolment refreshes every enrolment of the person (one to a few rows). REPLACE removes the row
-- of the same enrolment_id wherever it was in key order (a new unit or date moves it).
CREATE TRIGGER enrolment_indicator_added
AFTER INSERT ON enrolment
BEGIN
    INSERT OR REPLACE INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
                                                exit_reason, exit_check, first_plan, first_review, last_exit,
                                                in_force_version)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version
    FROM enrolment_indicator_derived
    WHERE participant_id = NEW.participant_id;
END;

-- Only when a fact changes: a write of the other fields (the coach, notes) costs nothing here.
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
                                                in_force_version)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version
    FROM enrolment_indicator_derived
    WHERE participant_id IN (OLD.participant_id, NEW.participant_id);
END;

CREATE TRIGGER enrolment_indicator_plan_added
AFTER INSERT ON activity_plan
BEGIN
    INSERT OR REPLACE INTO enrolment_indicator (referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
                                                exit_reason, exit_check, first_plan, first_review, last_exit,
                                                in_force_version)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version
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
                                                in_force_version)
    SELECT referring_unit, enrolled_on, enrolment_id, deleted, exited_on,
           exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version
    FROM enrolment_indicator_derived
    WHERE enrolment_id IN (OLD.enrolment_id, NEW.enrolment_id);
END;

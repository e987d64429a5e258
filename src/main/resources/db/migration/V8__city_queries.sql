-- Schema version 8: the indicators, Today and a coach's caseload stay quick at city scale
-- (100,000 participants). Whole indexes rather than partial ones on deleted = 0: the queries bind
-- that 0 as a parameter, and SQLite only uses a partial index whose condition the query's own
-- text implies.
-- An enrolment's plan versions as the indicators read them (the first approval, the first
-- approved review, the newest approved version and its id), from the index alone.
CREATE INDEX activity_plan_facts ON activity_plan (enrolment_id, deleted, version, approved_on, review, id);
-- The exit a return came after: the person's earlier enrolments, read from the index alone.
CREATE INDEX enrolment_history ON enrolment (participant_id, deleted, enrolled_on, exited_on);
-- A coach's open enrolments (the caseload, Today) without walking the coach's closed ones.
CREATE INDEX enrolment_open ON enrolment (coach_id, exited_on, deleted);
-- The kinds of a plan's activities (the indicators), read from the index alone.
CREATE INDEX activity_plan_kind ON activity (plan_id, deleted, kind);

-- Schema version 24: the caseload's glance reads the activities from their index alone too
-- (issue 16).
--
-- Schema 22 left activity_plan_kind (plan_id, deleted, kind) narrow because the indicators walked
-- it for every enrolment of the city, and the glance's columns pushed it out of the page cache.
-- Since schema 23 the indicators read the kinds in force from enrolment_indicator, so the index
-- can carry what a coach's list reads of each activity (WorkflowRepository.inputs): an
-- enrolment's activities then come from one or two index pages instead of a table page each.
-- The same first columns: every query that used it still can.
DROP INDEX activity_plan_kind;
CREATE INDEX activity_plan_kind ON activity (plan_id, deleted, kind, start_on, end_on, ended_on, id);

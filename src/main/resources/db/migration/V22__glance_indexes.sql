-- Schema version 22: the caseload's glance read from indexes alone (issue 16).
--
-- A coach's list reads, for each of its enrolments (about 70 at city size), every plan version,
-- the activities and the meetings (WorkflowRepository.inputsOf). Their rows lie wherever they
-- were written, so each row cost a page of its own, read and decrypted: about 1,000 pages for one
-- coach. The plans' and the meetings' indexes are made again with the columns the rules read, so
-- an enrolment's plans and meetings are read together from one or two index pages. Every query
-- that used the narrower ones can use these (the same first columns; the foreign key on
-- enrolment_id too). Measured on a copy of the 100,000 city (each coach read once, the page cache
-- cold): plans 2.4 to 1.3 ms, meetings 3.3 to 2.0 ms a coach; building them took 10 s there.
DROP INDEX activity_plan_enrolment;
DROP INDEX activity_plan_facts;
CREATE INDEX activity_plan_facts ON activity_plan (
    enrolment_id, deleted, version, approved_on, review, id, drawn_up_on, goal, approved_by);

-- The activities keep activity_plan_kind (plan_id, deleted, kind) as it is: the indicators walk it
-- for every enrolment of the city, and with the glance's columns it no longer stayed in the page
-- cache (the report over the city 1.6 to 2.3 s). activity_plan_id (plan_id) is its first column.
DROP INDEX activity_plan_id;

DROP INDEX meeting_enrolment;
CREATE INDEX meeting_enrolment ON meeting (
    enrolment_id, meeting_at, deleted, kind, outcome, supersedes, duty_explained_on, id);

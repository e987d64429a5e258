-- Schema version 26: a coach's list reads its enrolments and its people from indexes alone
-- (issue 16).
--
-- Since schema 25 the rules' inputs of a coach's list come from a few pages (caseload_glance).
-- What was left of its pages was the list's rows (CaseloadQueries.find): for each of the coach's
-- 60-odd enrolments its row in the table, and its person's key in the table's own index and then
-- the person's row, each a page wherever it was written (about 190 pages, each decrypted as it is
-- read). These indexes carry the columns the list reads of each (EnrolmentRepository and
-- ParticipantRepository DOMAIN_FIELDS, and what it filters and sorts by): a coach's enrolments
-- come from the few pages of one range, and each person from one page.
--
-- enrolment_open keeps its first columns: every query that used it still can.
DROP INDEX enrolment_open;
CREATE INDEX enrolment_open ON enrolment (
    coach_id, exited_on, deleted, exit_check, participant_id, enrolled_on, id, referring_unit,
    social_secretary, target_groups, language, interpreter_needed, exit_reason);

CREATE INDEX participant_listed ON participant (
    id, deleted, sort_name, personal_number, first_name, last_name, phone, email, home_district);

-- Schema version 2: an enrolment can end. People come back, so an exited enrolment stays and a
-- new enrolment is a new row. The exit workflow itself (reason rules, notes) builds on these.
ALTER TABLE enrolment ADD COLUMN exited_on TEXT;
ALTER TABLE enrolment ADD COLUMN exit_reason TEXT;

-- Schema version 4: the check one month after an exit, for the national comparison (Kolada's
-- "result at exit": work that lasted at least a month, not the municipality's own labour-market
-- jobs such as Stockholmsjobb, or studies with a right to student aid).
ALTER TABLE enrolment ADD COLUMN exit_check TEXT;
ALTER TABLE enrolment ADD COLUMN exit_checked_on TEXT;

-- Schema version 17: where an outreach or home visit takes place (issue 14).
--
-- The coach types the address or the place of a visit (a library, a café, the person's home) so
-- that the calendar file can carry it; desk and phone meetings need none (the calendar gives the
-- unit's address and "Telefon"). It travels in caseload packages from format version 4.
ALTER TABLE meeting ADD COLUMN place TEXT;

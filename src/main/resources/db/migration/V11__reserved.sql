-- A stand-in for schema version 11, which another branch (the per-enrolment indicator table)
-- adds: migrations are numbered without gaps, and this branch's V12 needs a V11 before it.
-- When merging, keep the other branch's V11 and drop this file and its line in migrations.txt.
SELECT 1;

-- Schema version 21: one index fewer on the change log (issue 16).
--
-- change_log_record (entity, record_id), from schema 1, is the first two columns of
-- change_log_change (entity, record_id, new_stamp), the unique index of schema 5: every lookup of
-- a record's changes can use the latter. Each change written (an import writes millions at city
-- size) landed at a random place of both; now of one.
DROP INDEX change_log_record;

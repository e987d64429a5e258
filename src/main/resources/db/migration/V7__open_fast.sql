-- Schema version 7: what an open reads stays small at city size. The clock starts from the
-- greatest stamp in the change log; without an index that was a walk over every change (millions
-- on a central copy) at every open.
CREATE INDEX change_log_stamp ON change_log (new_stamp);
-- Rows a program from before version 5 wrote have no field values, and every open looks for
-- them (ChangeLogBackfill): with this partial index that look is one probe, not a walk over the
-- whole log, whatever state the file is in.
CREATE INDEX change_log_without_values ON change_log (seq) WHERE field_values IS NULL;

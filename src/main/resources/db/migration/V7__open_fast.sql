-- Schema version 7: what an open reads stays small at city size. The clock starts from the
-- greatest stamp in the change log; without an index that was a walk over every change (millions
-- on a central copy) at every open.
CREATE INDEX change_log_stamp ON change_log (new_stamp);

-- Schema version 3: the coach's workflow. Mapping per area, activity plan versions with their
-- activities, follow-up meetings and the follow-up of each activity at them, reasons given for
-- passed deadlines, and the note an exit with reason "unknown" needs. Mapping entries, meetings,
-- follow-ups and reasons are only ever added. Bookkeeping columns as in version 1.

ALTER TABLE enrolment ADD COLUMN exit_note TEXT;

CREATE TABLE mapping_entry (
    id            TEXT PRIMARY KEY NOT NULL,
    version_stamp TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    enrolment_id  TEXT NOT NULL REFERENCES enrolment (id),
    area          TEXT NOT NULL,
    status        TEXT NOT NULL,
    text          TEXT,
    entry_date    TEXT,
    -- actor codes, comma separated; others by name and contact in other_actors
    actors        TEXT NOT NULL DEFAULT '',
    other_actors  TEXT,
    supersedes    TEXT REFERENCES mapping_entry (id)
) STRICT;

-- Entries are only added: a change of status or text is a new entry that supersedes the one
-- it was made from, so the history of an area stays readable and never conflicts in sync.
CREATE INDEX mapping_entry_enrolment ON mapping_entry (enrolment_id, area);
CREATE INDEX mapping_entry_supersedes ON mapping_entry (supersedes);

CREATE TABLE activity_plan (
    id            TEXT PRIMARY KEY NOT NULL,
    version_stamp TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    enrolment_id  TEXT NOT NULL REFERENCES enrolment (id),
    version       INTEGER NOT NULL CHECK (version >= 1),
    goal          TEXT,
    wishes        TEXT,
    drawn_up_on   TEXT NOT NULL,
    approved_on   TEXT,
    approved_by   TEXT,
    review        INTEGER NOT NULL DEFAULT 0 CHECK (review IN (0, 1)),
    CHECK ((approved_on IS NULL) = (approved_by IS NULL))
) STRICT;

CREATE INDEX activity_plan_enrolment ON activity_plan (enrolment_id, version);

CREATE TABLE activity (
    id            TEXT PRIMARY KEY NOT NULL,
    version_stamp TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    plan_id       TEXT NOT NULL REFERENCES activity_plan (id),
    kind          TEXT NOT NULL,
    other_text    TEXT,
    provider      TEXT,
    description   TEXT,
    start_on      TEXT NOT NULL,
    -- every activity is bounded in time (the Jobbtorg proposal)
    end_on        TEXT NOT NULL CHECK (end_on >= start_on),
    ended_on      TEXT
) STRICT;

CREATE INDEX activity_plan_id ON activity (plan_id);

CREATE TABLE meeting (
    id                      TEXT PRIMARY KEY NOT NULL,
    version_stamp           TEXT NOT NULL,
    changed_by              TEXT NOT NULL,
    deleted                 INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    enrolment_id            TEXT NOT NULL REFERENCES enrolment (id),
    -- the entry this one records the outcome of, or corrects; both stay readable
    supersedes              TEXT REFERENCES meeting (id),
    meeting_at              TEXT NOT NULL,
    kind                    TEXT NOT NULL,
    outcome                 TEXT NOT NULL,
    attendees               TEXT,
    social_secretary_joined INTEGER NOT NULL DEFAULT 0 CHECK (social_secretary_joined IN (0, 1)),
    notes                   TEXT,
    next_steps              TEXT,
    duty_explained_on       TEXT,
    reported_on             TEXT
) STRICT;

CREATE INDEX meeting_enrolment ON meeting (enrolment_id, meeting_at);
CREATE INDEX meeting_supersedes ON meeting (supersedes);

-- How each running activity was followed up at a meeting (the Jobbtorg proposal: every activity is followed up).
CREATE TABLE activity_follow_up (
    id            TEXT PRIMARY KEY NOT NULL,
    version_stamp TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    meeting_id    TEXT NOT NULL REFERENCES meeting (id),
    activity_id   TEXT NOT NULL REFERENCES activity (id),
    note          TEXT NOT NULL
) STRICT;

CREATE INDEX activity_follow_up_meeting ON activity_follow_up (meeting_id);

-- Why a deadline was passed, asked when the coach acts on it (the jobs-gap motion: reasons, never locks).
CREATE TABLE deadline_reason (
    id            TEXT PRIMARY KEY NOT NULL,
    version_stamp TEXT NOT NULL,
    changed_by    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    enrolment_id  TEXT NOT NULL REFERENCES enrolment (id),
    kind          TEXT NOT NULL,
    due_on        TEXT NOT NULL,
    reason        TEXT NOT NULL,
    recorded_on   TEXT NOT NULL
) STRICT;

CREATE INDEX deadline_reason_enrolment ON deadline_reason (enrolment_id, kind, due_on);

-- Schema version 9: search as you type in name order at any size (see src/docs/search.md).
--
-- participant_search holds each participant's tokens (the words of the name, folded; the number as
-- 12 digits, 10 digits and the last four). A typed word matches a token it begins, so a prefix
-- range over tokens finds the matches, but not in name order: at 100,000 participants a
-- prefix such as "a" or "19" matches tens of thousands, and sorting them to show the first 500
-- took hundreds of milliseconds. Here every prefix of every token is a key of its own, with the
-- participant's sort key beside it: the matches of a typed word are then one index range already
-- in name order, read no further than the page shown.
--
-- Derived, never synced. Kept by the triggers below from participant_search and
-- participant.sort_name, in the same transaction as the write that changes them, whoever writes
-- (the repositories, the sync merge, the bulk load of the bench and the import).
CREATE TABLE participant_key (
    -- a prefix of a token, at most 32 characters (a longer typed word is also checked against
    -- the whole token)
    key            TEXT NOT NULL,
    sort_name      TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    PRIMARY KEY (key, sort_name, participant_id)
) STRICT, WITHOUT ROWID;

-- The prefix lengths 1 to 32: a trigger may not use a recursive query.
CREATE TABLE search_prefix_length (
    n INTEGER PRIMARY KEY NOT NULL
) STRICT;

INSERT INTO search_prefix_length (n)
VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16),
       (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32);

-- In key order, so the new table is written front to back rather than at random places.
INSERT OR IGNORE INTO participant_key (key, sort_name, participant_id)
SELECT substr(s.token, 1, l.n), p.sort_name, s.participant_id
FROM participant_search s
JOIN participant p ON p.id = s.participant_id
JOIN search_prefix_length l ON l.n <= length(s.token)
ORDER BY 1, 2, 3;

CREATE TRIGGER participant_search_keys_added
AFTER INSERT ON participant_search
BEGIN
    INSERT OR IGNORE INTO participant_key (key, sort_name, participant_id)
    SELECT substr(NEW.token, 1, l.n), p.sort_name, NEW.participant_id
    FROM participant p
    JOIN search_prefix_length l ON l.n <= length(NEW.token)
    WHERE p.id = NEW.participant_id;
END;

-- A prefix goes only when no token of the participant still begins with it ("anna" stays while
-- "anna-karin" is left).
CREATE TRIGGER participant_search_keys_removed
AFTER DELETE ON participant_search
BEGIN
    DELETE FROM participant_key
    WHERE participant_id = OLD.participant_id
      AND sort_name = (SELECT p.sort_name FROM participant p WHERE p.id = OLD.participant_id)
      AND key IN (SELECT substr(OLD.token, 1, l.n) FROM search_prefix_length l WHERE l.n <= length(OLD.token))
      AND NOT EXISTS (
          SELECT 1 FROM participant_search s
          WHERE s.participant_id = OLD.participant_id
            AND substr(s.token, 1, length(participant_key.key)) = participant_key.key);
END;

-- A new name moves every key of the participant to the new sort key.
CREATE TRIGGER participant_sort_name_keys
AFTER UPDATE OF sort_name ON participant
WHEN OLD.sort_name IS NOT NEW.sort_name
BEGIN
    DELETE FROM participant_key
    WHERE participant_id = OLD.id
      AND sort_name = OLD.sort_name
      AND key IN (
          SELECT substr(s.token, 1, l.n)
          FROM participant_search s
          JOIN search_prefix_length l ON l.n <= length(s.token)
          WHERE s.participant_id = OLD.id);
    INSERT OR IGNORE INTO participant_key (key, sort_name, participant_id)
    SELECT substr(s.token, 1, l.n), NEW.sort_name, NEW.id
    FROM participant_search s
    JOIN search_prefix_length l ON l.n <= length(s.token)
    WHERE s.participant_id = NEW.id;
END;

-- Schema version 18: four digits or more from inside a personal identity number find the person
-- ("0512" for a birthday, "0512-12" or "1212" across the date and the serial), through the same
-- keys as every other word (see src/docs/search.md).
--
-- A key of V9 is a prefix of a token. Here a key is a part of a token: the prefixes as before,
-- and for the number's 12-digit token also every run of at least four digits that begins inside
-- it (at the 2nd to the 9th digit). Shorter runs are left out: "5" or "51" inside a number would
-- match nearly everyone and cost a key each. 28 keys a person more than V9 (36 inner runs, 8 of
-- them already prefixes of the 10-digit token or the last four).
CREATE TABLE search_key_part (
    start INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    -- 1: a run inside the number (only of a token of 12 digits); 0: a prefix of any token
    inner INTEGER NOT NULL,
    PRIMARY KEY (start, n)
) STRICT;

INSERT INTO search_key_part (start, n, inner)
SELECT 1, n, 0 FROM search_prefix_length;

INSERT INTO search_key_part (start, n, inner)
SELECT s.n, l.n, 1
FROM search_prefix_length s
JOIN search_prefix_length l ON l.n >= 4 AND s.n + l.n <= 13
WHERE s.n BETWEEN 2 AND 9;

-- The inner runs of the numbers registered before, in key order.
INSERT OR IGNORE INTO participant_key (key, sort_name, participant_id)
SELECT substr(s.token, k.start, k.n), p.sort_name, s.participant_id
FROM participant_search s
JOIN participant p ON p.id = s.participant_id
JOIN search_key_part k ON k.inner = 1
WHERE length(s.token) = 12 AND s.token NOT GLOB '*[^0-9]*'
ORDER BY 1, 2, 3;

-- The triggers of V9, by the same names, now with the parts: every writer keeps them as before.
DROP TRIGGER participant_search_keys_added;
DROP TRIGGER participant_search_keys_removed;
DROP TRIGGER participant_sort_name_keys;

CREATE TRIGGER participant_search_keys_added
AFTER INSERT ON participant_search
BEGIN
    INSERT OR IGNORE INTO participant_key (key, sort_name, participant_id)
    SELECT substr(NEW.token, k.start, k.n), p.sort_name, NEW.participant_id
    FROM participant p
    JOIN search_key_part k ON k.start + k.n - 1 <= length(NEW.token)
        AND (k.inner = 0 OR (length(NEW.token) = 12 AND NEW.token NOT GLOB '*[^0-9]*'))
    WHERE p.id = NEW.participant_id;
END;

-- A key goes only when no token of the participant still gives it ("anna" stays while
-- "anna-karin" is left).
CREATE TRIGGER participant_search_keys_removed
AFTER DELETE ON participant_search
BEGIN
    DELETE FROM participant_key
    WHERE participant_id = OLD.participant_id
      AND sort_name = (SELECT p.sort_name FROM participant p WHERE p.id = OLD.participant_id)
      AND key IN (
          SELECT substr(OLD.token, k.start, k.n)
          FROM search_key_part k
          WHERE k.start + k.n - 1 <= length(OLD.token)
            AND (k.inner = 0 OR (length(OLD.token) = 12 AND OLD.token NOT GLOB '*[^0-9]*')))
      AND NOT EXISTS (
          SELECT 1 FROM participant_search s
          JOIN search_key_part k ON k.start + k.n - 1 <= length(s.token)
              AND (k.inner = 0 OR (length(s.token) = 12 AND s.token NOT GLOB '*[^0-9]*'))
          WHERE s.participant_id = OLD.participant_id
            AND k.n = length(participant_key.key)
            AND substr(s.token, k.start, k.n) = participant_key.key);
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
          SELECT substr(s.token, k.start, k.n)
          FROM participant_search s
          JOIN search_key_part k ON k.start + k.n - 1 <= length(s.token)
              AND (k.inner = 0 OR (length(s.token) = 12 AND s.token NOT GLOB '*[^0-9]*'))
          WHERE s.participant_id = OLD.id);
    INSERT OR IGNORE INTO participant_key (key, sort_name, participant_id)
    SELECT substr(s.token, k.start, k.n), NEW.sort_name, NEW.id
    FROM participant_search s
    JOIN search_key_part k ON k.start + k.n - 1 <= length(s.token)
        AND (k.inner = 0 OR (length(s.token) = 12 AND s.token NOT GLOB '*[^0-9]*'))
    WHERE s.participant_id = NEW.id;
END;

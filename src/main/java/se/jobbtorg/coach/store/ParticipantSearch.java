package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_KEY;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.generated.tables.ParticipantKey;

/**
 * Search as you type: which participants, in Swedish name order, have a token beginning with
 * every typed word. Each typed word is a key of {@code participant_key} (every prefix of every
 * token, kept by triggers: migration V9), so the matches of one word are one index range already
 * in name order, read no further than the page: "a" or "19" among 100,000 people costs what a
 * rare name costs. Why this and not a minimum length: {@code src/docs/search.md}.
 */
final class ParticipantSearch {
    /** The longest prefix kept as a key (V9); a longer word is also compared with whole tokens. */
    static final int KEY_LENGTH = 32;
    /** Sorts after every character a name or number can hold, to turn a prefix into a range. */
    private static final String PREFIX_END = "\uffff";

    /** Up to how many keys of each word are counted to choose the rarest one to walk. */
    private final int counted;

    /** counted: 0 walks the words' first in the order typed (tests compare it with the choice). */
    ParticipantSearch(int counted) {
        this.counted = counted;
    }

    /**
     * The ids of the first {@code limit} matches in name order (then id). ofCoach set (a
     * condition on the enrolment): only participants with such an enrolment of a coach, an id
     * once per such enrolment.
     */
    List<String> page(DSLContext dsl, Condition ofCoach, List<String> words, int limit) {
        if (ofCoach != null) {
            return coachPage(dsl, ofCoach, words, limit);
        }
        List<String> ordered = rarestFirst(dsl, words);
        ParticipantKey walked = PARTICIPANT_KEY.as("walked");
        Condition where = walked.KEY
                .eq(key(ordered.get(0)))
                .and(whole(ordered.get(0), walked.PARTICIPANT_ID))
                .and(PARTICIPANT.ID.eq(walked.PARTICIPANT_ID))
                .and(PARTICIPANT.DELETED.eq(0));
        for (String word : ordered.subList(1, ordered.size())) {
            where = where.and(has(word, walked.SORT_NAME, walked.PARTICIPANT_ID));
        }
        // CROSS JOIN: the key's range drives, in the index's own order, so the walk ends at the
        // limit without sorting anything; the participant is a lookup by id (is it deleted?).
        return dsl.select(walked.PARTICIPANT_ID)
                .from(walked.crossJoin(PARTICIPANT))
                .where(where)
                .orderBy(walked.SORT_NAME, walked.PARTICIPANT_ID)
                .limit(limit)
                .fetch(walked.PARTICIPANT_ID);
    }

    /** A coach's enrolments are a few hundred: they drive, each word a probe by key. */
    private static List<String> coachPage(DSLContext dsl, Condition ofCoach, List<String> words, int limit) {
        Condition where =
                ofCoach.and(PARTICIPANT.ID.eq(ENROLMENT.PARTICIPANT_ID)).and(PARTICIPANT.DELETED.eq(0));
        for (String word : words) {
            where = where.and(has(word, PARTICIPANT.SORT_NAME, PARTICIPANT.ID));
        }
        return dsl.select(PARTICIPANT.ID)
                .from(ENROLMENT.crossJoin(PARTICIPANT))
                .where(where)
                .orderBy(PARTICIPANT.SORT_NAME, PARTICIPANT.ID)
                .limit(limit)
                .fetch(PARTICIPANT.ID);
    }

    /**
     * The words, the one with the fewest keys first (counted up to the threshold): two common
     * words ("s a") walk the shorter list and probe the other.
     */
    private List<String> rarestFirst(DSLContext dsl, List<String> words) {
        if (words.size() == 1 || counted == 0) {
            return words;
        }
        record Counted(String word, int keys) {}
        List<Counted> all = new ArrayList<>();
        for (String word : words) {
            int keys = dsl.fetchCount(DSL.selectOne()
                    .from(PARTICIPANT_KEY)
                    .where(PARTICIPANT_KEY.KEY.eq(key(word)))
                    .limit(counted));
            all.add(new Counted(word, keys));
        }
        // Stable: among equally common words the one typed first walks.
        all.sort(Comparator.comparingInt(Counted::keys));
        return all.stream().map(Counted::word).toList();
    }

    /** A probe: the participant has a key for the word (one lookup in the key's primary index). */
    private static Condition has(String word, Field<String> sortName, Field<String> participantId) {
        ParticipantKey probe = PARTICIPANT_KEY.as("probe");
        return DSL.exists(DSL.selectOne()
                        .from(probe)
                        .where(
                                probe.KEY.eq(key(word)),
                                probe.SORT_NAME.eq(sortName),
                                probe.PARTICIPANT_ID.eq(participantId)))
                .and(whole(word, participantId));
    }

    /** A word longer than the keys: some whole token must also begin with all of it. */
    private static Condition whole(String word, Field<String> participantId) {
        if (word.length() <= KEY_LENGTH) {
            return DSL.noCondition();
        }
        return DSL.exists(DSL.selectOne()
                .from(PARTICIPANT_SEARCH)
                .where(
                        PARTICIPANT_SEARCH.PARTICIPANT_ID.eq(participantId),
                        PARTICIPANT_SEARCH.TOKEN.ge(word),
                        PARTICIPANT_SEARCH.TOKEN.lt(word + PREFIX_END)));
    }

    private static String key(String word) {
        // By code point, as SQLite's substr counts characters (V9 cut the keys so).
        return word.codePointCount(0, word.length()) <= KEY_LENGTH
                ? word
                : word.substring(0, word.offsetByCodePoints(0, KEY_LENGTH));
    }
}

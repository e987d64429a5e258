package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.COACH;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.SelectLimitStep;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.store.generated.tables.Enrolment;

/**
 * The caseload list and search as you type, built to stay instant at city scale. Measured on
 * 100,000 participants (2 cores, warm, page of 500): the whole list 10 ms; a search with up to a
 * few thousand matches 2-27 ms through the ids; a first letter or "19" 30-45 ms walking the name
 * index. A single plan was 100-280 ms for some of these (SQLite walks the name index to avoid a
 * sort even for a dozen ids), hence the two.
 */
public final class CaseloadQueries {
    /** Sorts after every character a name or number can hold, to turn a prefix into a range. */
    private static final String PREFIX_END = "\uffff";
    /** Up to this many matches are fetched by id; beyond it the name order is walked instead. */
    private static final int SPARSE = 20_000;

    private final Database db;
    private final int sparse;

    public CaseloadQueries(Database db) {
        this(db, SPARSE);
    }

    /** With another threshold between the two ways of searching; tests compare them. */
    CaseloadQueries(Database db, int sparse) {
        this.db = db;
        this.sparse = sparse;
    }

    /**
     * Participants in Swedish name order with their latest enrolment. coachId set: only that
     * coach's open enrolments; null: everyone. Every word of query must begin a word of the
     * name or a form of the number (12 digits, 10 digits, last four).
     */
    public List<CaseloadEntry> find(UUID coachId, String query, int limit) {
        List<String> words = words(query);
        return db.read(dsl -> {
            Condition where = PARTICIPANT.DELETED.eq(0);
            Field<String> order = PARTICIPANT.SORT_NAME;
            if (!words.isEmpty()) {
                // How many match, counted no further than the threshold: an index range per word.
                int matches = dsl.fetchCount(matching(words).limit(sparse + 1));
                if (matches == 0) {
                    return List.of();
                }
                if (matches <= sparse) {
                    // Few enough matches: the ids drive, each row found by its primary key, and
                    // only the page is sorted. The ids stay in SQL: thousands of them bound as
                    // values one by one took hundreds of milliseconds. "+" keeps SQLite from
                    // walking the whole name index to avoid sorting one page.
                    Field<String> byName = DSL.field("+{0}", String.class, PARTICIPANT.SORT_NAME);
                    if (coachId == null) {
                        // The page first, from the ids and names alone: the latest enrolment is
                        // then looked up for the page's people only, not for every match.
                        List<String> page = dsl.select(PARTICIPANT.ID)
                                .from(PARTICIPANT)
                                .where(PARTICIPANT.ID.in(matching(words)), PARTICIPANT.DELETED.eq(0))
                                .orderBy(byName, PARTICIPANT.ID)
                                .limit(limit)
                                .fetch(PARTICIPANT.ID);
                        where = where.and(PARTICIPANT.ID.in(page));
                    } else {
                        where = where.and(PARTICIPANT.ID.in(matching(words)));
                    }
                    order = byName;
                } else {
                    // Very many (a first letter typed): walk the names in order, probing each
                    // one's tokens, and stop at the limit.
                    where = where.and(DSL.and(words.stream()
                            .map(w -> DSL.exists(DSL.selectOne()
                                    .from(PARTICIPANT_SEARCH)
                                    .where(
                                            PARTICIPANT_SEARCH.PARTICIPANT_ID.eq(PARTICIPANT.ID),
                                            PARTICIPANT_SEARCH.TOKEN.ge(w),
                                            PARTICIPANT_SEARCH.TOKEN.lt(w + PREFIX_END))))
                            .toList()));
                }
            }
            SelectJoinStep<?> from;
            if (coachId != null) {
                // CROSS JOIN keeps SQLite from walking every participant: the coach's open
                // enrolments (an index range) drive the loop.
                from = dsl.select(PARTICIPANT.fields())
                        .select(ENROLMENT.fields())
                        .select(COACH.NAME)
                        .from(ENROLMENT.crossJoin(PARTICIPANT));
                where = where.and(DSL.and(
                        ENROLMENT.PARTICIPANT_ID.eq(PARTICIPANT.ID),
                        ENROLMENT.COACH_ID.eq(coachId.toString()),
                        ENROLMENT.EXITED_ON.isNull(),
                        ENROLMENT.DELETED.eq(0)));
            } else {
                Enrolment latest = ENROLMENT.as("latest");
                var latestId = DSL.field(DSL.select(latest.ID)
                        .from(latest)
                        .where(latest.PARTICIPANT_ID.eq(PARTICIPANT.ID), latest.DELETED.eq(0))
                        .orderBy(latest.ENROLLED_ON.desc(), latest.ID)
                        .limit(1));
                from = dsl.select(PARTICIPANT.fields())
                        .select(ENROLMENT.fields())
                        .select(COACH.NAME)
                        .from(PARTICIPANT.leftJoin(ENROLMENT).on(ENROLMENT.ID.eq(latestId)));
            }
            return from.leftJoin(COACH)
                    .on(COACH.ID.eq(ENROLMENT.COACH_ID))
                    .where(where)
                    .orderBy(order, PARTICIPANT.ID)
                    .limit(limit)
                    .fetch(r -> new CaseloadEntry(
                            ParticipantRepository.toDomain(r.into(PARTICIPANT)),
                            r.get(ENROLMENT.ID) == null ? null : EnrolmentRepository.toDomain(r.into(ENROLMENT)),
                            r.get(COACH.NAME)));
        });
    }

    private static List<String> words(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return Arrays.stream(query.strip().split("\\s+"))
                .map(SwedishText::queryToken)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }

    /** Ids whose tokens start with every word. */
    private static SelectLimitStep<Record1<String>> matching(List<String> words) {
        Select<Record1<String>> result = null;
        for (String token : words) {
            Select<Record1<String>> one = DSL.selectDistinct(PARTICIPANT_SEARCH.PARTICIPANT_ID)
                    .from(PARTICIPANT_SEARCH)
                    .where(PARTICIPANT_SEARCH.TOKEN.ge(token), PARTICIPANT_SEARCH.TOKEN.lt(token + PREFIX_END));
            result = result == null ? one : result.intersect(one);
        }
        return DSL.select(DSL.field(DSL.name("m", "participant_id"), String.class))
                .from(result.asTable("m"));
    }
}

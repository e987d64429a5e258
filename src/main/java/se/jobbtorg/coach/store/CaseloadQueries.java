package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.COACH;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.store.generated.tables.Enrolment;

/**
 * The caseload list and search as you type, built to stay instant at city scale. Measured on
 * 100,000 participants (2 cores, warm, page of 500): the whole list 10 ms. Which participants a
 * search shows is {@link ParticipantSearch}'s (one page of ids in name order); the rows for them
 * are read here.
 */
public final class CaseloadQueries {
    /** Up to how many keys of each typed word are counted to choose the one to walk. */
    private static final int COUNTED = 2_000;

    /**
     * What a row reads: the person and the enrolment as their domain records hold them, the
     * enrolment's check after the exit, the coach's name. Not the rest of either row (each value
     * read costs, at every key typed).
     */
    private static final List<Field<?>> ROW = Stream.of(
                    ParticipantRepository.DOMAIN_FIELDS,
                    EnrolmentRepository.DOMAIN_FIELDS,
                    List.<Field<?>>of(ENROLMENT.EXIT_CHECK, COACH.NAME))
            .flatMap(List::stream)
            .toList();

    private final Database db;
    private final ParticipantSearch search;

    public CaseloadQueries(Database db) {
        this(db, COUNTED);
    }

    /** With another count before the choice of the word to walk (0: none); tests compare them. */
    CaseloadQueries(Database db, int counted) {
        this.db = db;
        this.search = new ParticipantSearch(counted);
    }

    /**
     * Participants in Swedish name order with their latest enrolment. coachId set: only that
     * coach's open enrolments; null: everyone. Every word of query must begin a word of the
     * name or a form of the number (12 digits, 10 digits, last four) or be four digits or more
     * of the number.
     */
    public List<CaseloadEntry> find(UUID coachId, String query, int limit) {
        return find(coachId, null, query, limit);
    }

    /**
     * As {@link #find(UUID, String, int)}; with coachId and exitedFrom set, the coach's list also
     * holds their enrolments exited on or after exitedFrom whose check after the exit is not
     * recorded (see {@link #ofCoach}).
     */
    public List<CaseloadEntry> find(UUID coachId, LocalDate exitedFrom, String query, int limit) {
        List<String> words = words(query);
        return db.read(dsl -> {
            Condition where = PARTICIPANT.DELETED.eq(0);
            Field<String> order = PARTICIPANT.SORT_NAME;
            if (!words.isEmpty()) {
                // The page's ids in name order first (ParticipantSearch), then the rows for them.
                List<String> page =
                        search.page(dsl, coachId == null ? null : ofCoach(coachId, exitedFrom), words, limit);
                if (page.isEmpty()) {
                    return List.of();
                }
                where = where.and(PARTICIPANT.ID.in(page));
                // "+" keeps SQLite from walking the whole name index to avoid sorting one page.
                order = DSL.field("+{0}", String.class, PARTICIPANT.SORT_NAME);
            }
            SelectJoinStep<?> from;
            if (coachId != null) {
                // CROSS JOIN keeps SQLite from walking every participant: the coach's open
                // enrolments (an index range) drive the loop.
                from = dsl.select(ROW).from(ENROLMENT.crossJoin(PARTICIPANT));
                where = where.and(ENROLMENT.PARTICIPANT_ID.eq(PARTICIPANT.ID)).and(ofCoach(coachId, exitedFrom));
            } else {
                Enrolment latest = ENROLMENT.as("latest");
                var latestId = DSL.field(DSL.select(latest.ID)
                        .from(latest)
                        .where(latest.PARTICIPANT_ID.eq(PARTICIPANT.ID), latest.DELETED.eq(0))
                        .orderBy(latest.ENROLLED_ON.desc(), latest.ID)
                        .limit(1));
                from = dsl.select(ROW).from(PARTICIPANT.leftJoin(ENROLMENT).on(ENROLMENT.ID.eq(latestId)));
            }
            return from.leftJoin(COACH)
                    .on(COACH.ID.eq(ENROLMENT.COACH_ID))
                    .where(where)
                    .orderBy(order, PARTICIPANT.ID)
                    .limit(limit)
                    .fetch(r -> new CaseloadEntry(
                            ParticipantRepository.toDomain(r.into(PARTICIPANT)),
                            r.get(ENROLMENT.ID) == null ? null : EnrolmentRepository.toDomain(r.into(ENROLMENT)),
                            r.get(COACH.NAME),
                            r.get(ENROLMENT.EXIT_CHECK) != null));
        });
    }

    /**
     * The enrolments in a coach's list: the open ones and, exitedFrom set, those exited on or
     * after it whose check after the exit is not recorded yet (the Today screen reminds of the
     * check until three months after the exit: {@code Reminders.exitCheckShownFrom}), each the
     * coach's latest enrolment of the person, so nobody is listed twice.
     */
    static Condition ofCoach(UUID coachId, LocalDate exitedFrom) {
        Condition shown = ENROLMENT.EXITED_ON.isNull();
        if (exitedFrom != null) {
            Enrolment later = ENROLMENT.as("later");
            shown = shown.or(ENROLMENT
                    .EXITED_ON
                    .ge(exitedFrom.toString())
                    .and(ENROLMENT.EXIT_CHECK.isNull())
                    .andNotExists(DSL.selectOne()
                            .from(later)
                            .where(
                                    later.PARTICIPANT_ID.eq(ENROLMENT.PARTICIPANT_ID),
                                    later.ENROLLED_ON.gt(ENROLMENT.ENROLLED_ON),
                                    later.COACH_ID.eq(ENROLMENT.COACH_ID),
                                    later.DELETED.eq(0))));
        }
        return ENROLMENT.COACH_ID.eq(coachId.toString()).and(shown).and(ENROLMENT.DELETED.eq(0));
    }

    private static List<String> words(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        // "Yilmaz, Amina" as the list shows a name: the comma separates words as a space does.
        return Arrays.stream(query.strip().split("[\\s,;]+"))
                .map(SwedishText::queryToken)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }
}

package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT_INDICATOR;
import static se.jobbtorg.coach.store.generated.Tables.FIELD_HEAD;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_KEY;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The records that belong together: a person with the people merged into them and every
 * enrolment and all work under them, or one enrolment and the work under it. Retention deletes a
 * person's group; a coach's laptop lets go of an enrolment's group once it is another coach's;
 * a package for a coach carries the groups of the enrolments assigned to the coach.
 */
public final class RecordGroups {
    /** Children before parents: the order the rows of a group are deleted in. */
    private static final List<String> DELETE_ORDER = List.of(
            "entry_void",
            "activity_follow_up",
            "deadline_reason",
            "meeting",
            "mapping_entry",
            "activity",
            "activity_plan",
            "enrolment",
            "participant");

    /** Every record under the enrolments in e: plans, activities, meetings, mapping, reasons, follow-ups, voids. */
    private static final String UNDER_ENROLMENTS = """
            plan (id) AS (SELECT id FROM activity_plan WHERE enrolment_id IN (SELECT id FROM e)),
            act (id) AS (SELECT id FROM activity WHERE plan_id IN (SELECT id FROM plan)),
            meet (id) AS (SELECT id FROM meeting WHERE enrolment_id IN (SELECT id FROM e)),
            map (id) AS (SELECT id FROM mapping_entry WHERE enrolment_id IN (SELECT id FROM e)),
            reason (id) AS (SELECT id FROM deadline_reason WHERE enrolment_id IN (SELECT id FROM e)),
            follow (id) AS (
                SELECT id FROM activity_follow_up
                WHERE meeting_id IN (SELECT id FROM meet) OR activity_id IN (SELECT id FROM act)
            ),
            void (id) AS (
                SELECT id FROM entry_void
                WHERE meeting_id IN (SELECT id FROM meet)
                   OR mapping_entry_id IN (SELECT id FROM map)
                   OR activity_follow_up_id IN (SELECT id FROM follow)
                   OR deadline_reason_id IN (SELECT id FROM reason)
                   OR exit_enrolment_id IN (SELECT id FROM e)
                   OR exit_check_enrolment_id IN (SELECT id FROM e)
            )
            """;

    private static final String SELECT_UNDER = """
            SELECT id FROM e UNION ALL SELECT id FROM plan
            UNION ALL SELECT id FROM act UNION ALL SELECT id FROM meet UNION ALL SELECT id FROM map
            UNION ALL SELECT id FROM reason UNION ALL SELECT id FROM follow UNION ALL SELECT id FROM void
            """;

    private RecordGroups() {}

    /** The person, those merged into them, and every record under them, by id . */
    public static List<String> ofPerson(DSLContext dsl, String person) {
        String sql = """
                WITH RECURSIVE p (id) AS (
                    SELECT id FROM participant WHERE id = ?1
                    UNION
                    SELECT q.id FROM participant q JOIN p ON q.merged_into = p.id
                ),
                e (id) AS (SELECT id FROM enrolment WHERE participant_id IN (SELECT id FROM p)),
                """ + UNDER_ENROLMENTS + "SELECT id FROM p UNION ALL " + SELECT_UNDER;
        return new ArrayList<>(new LinkedHashSet<>(dsl.fetch(sql, person).getValues(0, String.class)));
    }

    /** The enrolments and every record under them, by id (not their people). */
    public static List<String> underEnrolments(DSLContext dsl, Collection<String> enrolments) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (List<String> part : chunks(List.copyOf(enrolments))) {
            String sql = "WITH e (id) AS (SELECT id FROM enrolment WHERE id IN ("
                    + String.join(", ", Collections.nCopies(part.size(), "?")) + ")),\n" + UNDER_ENROLMENTS
                    + SELECT_UNDER;
            ids.addAll(dsl.fetch(sql, part.toArray()).getValues(0, String.class));
        }
        return new ArrayList<>(ids);
    }

    /**
     * Deletes the records with these ids (whatever entity each is; a group whole, or it would be
     * held up by its own references), the search keys and indicator facts of the people and
     * enrolments among them, and the change-log rows and field versions of each. Nothing is
     * logged: this is the store letting go of its copy, not a change that travels.
     */
    static void delete(DSLContext dsl, List<String> all) {
        // Entries that supersede one another refer to their own table, and the ids come in
        // pieces: the references are checked at the commit, when all of them are gone.
        dsl.execute("PRAGMA defer_foreign_keys = ON");
        for (List<String> part : chunks(all)) {
            dsl.deleteFrom(PARTICIPANT_SEARCH)
                    .where(PARTICIPANT_SEARCH.PARTICIPANT_ID.in(part))
                    .execute();
            dsl.deleteFrom(PARTICIPANT_KEY)
                    .where(PARTICIPANT_KEY.PARTICIPANT_ID.in(part))
                    .execute();
            dsl.deleteFrom(ENROLMENT_INDICATOR)
                    .where(ENROLMENT_INDICATOR.ENROLMENT_ID.in(part))
                    .execute();
        }
        for (String entity : DELETE_ORDER) {
            SyncEntities.Entity e = SyncEntities.byName(entity).orElseThrow();
            @SuppressWarnings("unchecked")
            Field<String> id = (Field<String>) e.table().field(Transaction.ID);
            for (List<String> part : chunks(all)) {
                if (e.table() == PARTICIPANT) {
                    // Merged people point at the person they were merged into: those first.
                    dsl.deleteFrom(PARTICIPANT)
                            .where(PARTICIPANT.ID.in(part))
                            .and(PARTICIPANT.MERGED_INTO.isNotNull())
                            .execute();
                }
                dsl.deleteFrom(e.table()).where(id.in(part)).execute();
                dsl.deleteFrom(CHANGE_LOG)
                        .where(CHANGE_LOG.ENTITY.eq(entity))
                        .and(CHANGE_LOG.RECORD_ID.in(part))
                        .execute();
                dsl.deleteFrom(FIELD_HEAD)
                        .where(FIELD_HEAD.ENTITY.eq(entity))
                        .and(FIELD_HEAD.RECORD_ID.in(part))
                        .execute();
            }
        }
        // Every row is gone now: the rest of the transaction (an import) checks references at once again.
        dsl.execute("PRAGMA defer_foreign_keys = OFF");
    }

    /** Ids in pieces well inside any database's limit on bound values. */
    public static List<List<String>> chunks(List<String> ids) {
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            parts.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return parts;
    }
}

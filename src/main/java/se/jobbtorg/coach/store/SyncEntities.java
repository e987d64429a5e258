package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY;
import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY_FOLLOW_UP;
import static se.jobbtorg.coach.store.generated.Tables.ACTIVITY_PLAN;
import static se.jobbtorg.coach.store.generated.Tables.AUDIT_ENTRY;
import static se.jobbtorg.coach.store.generated.Tables.COACH;
import static se.jobbtorg.coach.store.generated.Tables.DEADLINE_REASON;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.ENTRY_VOID;
import static se.jobbtorg.coach.store.generated.Tables.MAPPING_ENTRY;
import static se.jobbtorg.coach.store.generated.Tables.MEETING;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.PURGE;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdatableRecord;

/**
 * The entities that travel in a caseload package, parents before children: the order a package
 * lists them in and the order an import applies them in.
 */
public final class SyncEntities {

    /**
     * One synchronised table. {@code references} maps a column to the entity whose id it holds;
     * {@code derived} columns are computed from other columns on every device and never travel;
     * {@code sticky} columns keep a value once set: a change that empties them does not win
     * against one that set them (an update never silently reopens an exited enrolment).
     */
    public record Entity(
            String name,
            String file,
            Table<? extends UpdatableRecord<?>> table,
            Map<String, String> references,
            Set<String> derived,
            Set<String> sticky) {

        /** The columns a change may carry: everything but the bookkeeping and derived ones. */
        public List<String> dataColumns() {
            return Arrays.stream(table.fields())
                    .map(Field::getName)
                    .filter(n -> !Set.of(
                                    Transaction.ID,
                                    Transaction.VERSION_STAMP,
                                    Transaction.CHANGED_BY,
                                    Transaction.DELETED)
                            .contains(n))
                    .filter(n -> !derived.contains(n))
                    .toList();
        }

        public Field<?> field(String column) {
            return table.field(column);
        }
    }

    private static final List<Entity> ALL = List.of(
            // First: a purge (retention) is carried out before the changes after it, which are
            // held to it. Ids as plain text: the records it names are gone.
            new Entity("purge", "purges.jsonl", PURGE, Map.of(), Set.of(), Set.of()),
            new Entity("coach", "coaches.jsonl", COACH, Map.of(), Set.of(), Set.of()),
            new Entity(
                    "participant",
                    "participants.jsonl",
                    PARTICIPANT,
                    Map.of("merged_into", "participant"),
                    Set.of("sort_name", "registered_number"),
                    Set.of("merged_into")),
            new Entity(
                    "enrolment",
                    "enrolments.jsonl",
                    ENROLMENT,
                    Map.of("participant_id", "participant", "coach_id", "coach"),
                    Set.of(),
                    Set.of("exited_on", "exit_reason", "exit_note")),
            new Entity(
                    "activity_plan",
                    "activity_plans.jsonl",
                    ACTIVITY_PLAN,
                    Map.of("enrolment_id", "enrolment"),
                    Set.of(),
                    Set.of("approved_on", "approved_by")),
            new Entity(
                    "activity", "activities.jsonl", ACTIVITY, Map.of("plan_id", "activity_plan"), Set.of(), Set.of()),
            new Entity(
                    "mapping_entry",
                    "mapping_entries.jsonl",
                    MAPPING_ENTRY,
                    Map.of("enrolment_id", "enrolment", "supersedes", "mapping_entry"),
                    Set.of(),
                    Set.of()),
            new Entity(
                    "meeting",
                    "meetings.jsonl",
                    MEETING,
                    Map.of("enrolment_id", "enrolment", "supersedes", "meeting"),
                    Set.of(),
                    Set.of()),
            new Entity(
                    "activity_follow_up",
                    "activity_follow_ups.jsonl",
                    ACTIVITY_FOLLOW_UP,
                    Map.of("meeting_id", "meeting", "activity_id", "activity"),
                    Set.of(),
                    Set.of()),
            new Entity(
                    "deadline_reason",
                    "deadline_reasons.jsonl",
                    DEADLINE_REASON,
                    Map.of("enrolment_id", "enrolment"),
                    Set.of(),
                    Set.of()),
            // Last: a void names an entry of any of the append-only entities above.
            new Entity(
                    "entry_void",
                    "entry_voids.jsonl",
                    ENTRY_VOID,
                    Map.of(
                            "meeting_id", "meeting",
                            "mapping_entry_id", "mapping_entry",
                            "activity_follow_up_id", "activity_follow_up",
                            "deadline_reason_id", "deadline_reason",
                            "exit_enrolment_id", "enrolment",
                            "exit_check_enrolment_id", "enrolment",
                            "coach_id", "coach"),
                    Set.of(),
                    Set.of()),
            // The audit trail: ids as plain text, no references (an entry names a record, it does
            // not belong to it, and must not hold up the record's deletion at retention).
            new Entity("audit_entry", "audit_entries.jsonl", AUDIT_ENTRY, Map.of(), Set.of(), Set.of()));

    /** The entity of retention's purge records. */
    public static final String PURGE_ENTITY = "purge";

    /** The entity of the audit trail: it travels, but is not a case record (see {@link #records()}). */
    public static final String TRAIL = "audit_entry";

    private static final List<Entity> RECORDS =
            ALL.stream().filter(e -> !e.name().equals(TRAIL)).toList();

    private static final Map<String, Entity> BY_NAME = new LinkedHashMap<>();

    static {
        ALL.forEach(e -> BY_NAME.put(e.name(), e));
    }

    private SyncEntities() {}

    /** Every entity, parents before children. */
    public static List<Entity> all() {
        return ALL;
    }

    /**
     * The case records: every entity but the audit trail. Two laptops that have exchanged
     * everything hold the same records; each also holds the entries of its own latest imports,
     * which travel with its next package.
     */
    public static List<Entity> records() {
        return RECORDS;
    }

    public static boolean isTrail(Entity entity) {
        return entity.name().equals(TRAIL);
    }

    public static Optional<Entity> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<Entity> byFile(String file) {
        return ALL.stream().filter(e -> e.file().equals(file)).findFirst();
    }

    static Entity of(Table<?> table) {
        return BY_NAME.get(table.getName());
    }
}

package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.FIELD_HEAD;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.FieldHistory;
import se.jobbtorg.coach.store.ParticipantRepository;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.SyncEntities.Entity;
import se.jobbtorg.coach.store.Transaction;

/** Fields whose versions disagree after a merge, and a person's decisions over them. */
public final class Conflicts {
    private final Database db;

    public Conflicts(Database db) {
        this.db = db;
    }

    /**
     * A field whose versions disagree: the one shown, the others with another value (newest
     * first), and the stamps of every version, equal values too, which a decision replaces.
     */
    public record StoredConflict(
            String entity,
            String recordId,
            String field,
            StoredValue shown,
            List<StoredValue> others,
            List<String> versions) {}

    /** One competing value of a field: its stamp, the device it was made on, the value. */
    public record StoredValue(String stamp, String device, Object value) {}

    /** Every field whose versions disagree, for a person to resolve. */
    public List<StoredConflict> all() {
        return db.read(dsl -> {
            FieldHistory history = new FieldHistory(dsl);
            List<StoredConflict> result = new ArrayList<>();
            var keys = dsl.selectDistinct(FIELD_HEAD.ENTITY, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD)
                    .from(FIELD_HEAD)
                    .orderBy(FIELD_HEAD.ENTITY, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD)
                    .fetch();
            for (var key : keys) {
                Entity e = SyncEntities.byName(key.value1()).orElseThrow();
                boolean deleted = dsl.fetchExists(
                        e.table(),
                        MergeApplier.idField(e.table())
                                .eq(key.value2())
                                .and(DSL.field(Transaction.DELETED, Integer.class)
                                        .eq(1)));
                if (!deleted) {
                    // A deleted record's versions stay in the history; there is nothing left to decide.
                    conflict(history, key.value1(), key.value2(), key.value3()).ifPresent(result::add);
                }
            }
            return result;
        });
    }

    private static Optional<StoredConflict> conflict(FieldHistory history, String entity, String id, String field) {
        TreeSet<String> heads = history.heads(entity, id, field);
        boolean sticky =
                SyncEntities.byName(entity).map(e -> e.sticky().contains(field)).orElse(false);
        String shown = FieldHistory.winner(heads, sticky, h -> history.valueAt(entity, id, field, h));
        Object shownValue = history.valueAt(entity, id, field, shown);
        List<StoredValue> others = new ArrayList<>();
        for (String h : heads.descendingSet()) {
            Object v = history.valueAt(entity, id, field, h);
            if (!h.equals(shown) && !FieldHistory.sameValue(v, shownValue)) {
                others.add(new StoredValue(h, deviceOf(h), v));
            }
        }
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredConflict(
                entity, id, field, new StoredValue(shown, deviceOf(shown), shownValue), others, List.copyOf(heads)));
    }

    private static String deviceOf(String stamp) {
        return stamp.substring(19);
    }

    /** A person's decision: the field gets this value, and every version in conflict is seen. */
    public static void resolve(
            Transaction tx, String entity, String recordId, String field, Object value, Collection<String> seen) {
        Entity e = SyncEntities.byName(entity).orElseThrow();
        resolve(tx, e.table(), recordId, field, value, seen);
        if (e.table() == PARTICIPANT) {
            // A name decided: the sort key and the search words follow it.
            ParticipantRepository.refreshDerived(tx.dsl(), recordId);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void resolve(
            Transaction tx, Table table, String recordId, String field, Object value, Collection<String> seen) {
        tx.resolve(table, recordId, field, value, seen);
    }

    /**
     * Who a record is about, for a person deciding a conflict: the participant's name (and the
     * enrolment date for an enrolment and what belongs to it), or the coach's name.
     */
    public String describe(String entity, String id) {
        String sql = switch (entity) {
            case "participant" -> "select first_name || ' ' || last_name from participant where id = ?";
            case "coach" -> "select name from coach where id = ?";
            case "enrolment" ->
                "select p.first_name || ' ' || p.last_name || ', ' || e.enrolled_on from enrolment e"
                        + " join participant p on p.id = e.participant_id where e.id = ?";
            case "activity_plan" ->
                "select p.first_name || ' ' || p.last_name || ', ' || e.enrolled_on"
                        + " from activity_plan x join enrolment e on e.id = x.enrolment_id"
                        + " join participant p on p.id = e.participant_id where x.id = ?";
            case "activity" ->
                "select p.first_name || ' ' || p.last_name || ', ' || e.enrolled_on from activity a"
                        + " join activity_plan x on x.id = a.plan_id join enrolment e on e.id = x.enrolment_id"
                        + " join participant p on p.id = e.participant_id where a.id = ?";
            default -> null;
        };
        if (sql == null) {
            return id;
        }
        String described = db.read(dsl -> describe(dsl, sql, id));
        return described != null ? described : id;
    }

    private static String describe(DSLContext dsl, String sql, String id) {
        return dsl.fetchOptional(sql, id).map(r -> r.get(0, String.class)).orElse(null);
    }
}

package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteException;
import se.jobbtorg.coach.store.FieldHistory;
import se.jobbtorg.coach.store.HybridLogicalClock;
import se.jobbtorg.coach.store.ParticipantRepository;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.SyncEntities.Entity;
import se.jobbtorg.coach.store.Transaction;

/**
 * The merge of received changes into this database, inside one transaction
 * (src/docs/caseload-package.md). Applying is a pure function of the set of changes a database
 * has seen, so packages may arrive in any order and more than once.
 *
 * <p>One applier per import: {@link #apply(Change)} each change, parents before children, then
 * {@link #finish()} once, which merges people registered twice and returns the counts. A
 * {@link ChangeRefusedException} means the change cannot be applied; the caller's transaction
 * then rolls back whole.
 */
public final class MergeApplier {
    /**
     * The device part of changes made by the merge rule itself: "merge-" and the id the change
     * points to, so that every device makes the very same change, and two different merges of
     * one record (into different people, made on laptops that knew different duplicates) never
     * share a stamp.
     */
    public static final String MERGE_DEVICE = "merge";
    /** How far a received stamp may be ahead of this laptop's clock: a day of clock error. */
    static final long MAX_AHEAD_MILLIS = 24L * 60 * 60 * 1000;

    static String mergeDevice(String target) {
        return MERGE_DEVICE + "-" + target;
    }

    /** What one import did. */
    public static final class Counts {
        private int created;
        private int updated;
        private int unchanged;
        private int conflicts;
        private int merged;

        /** A package applied whole before: every one of its changes is here already. */
        public static Counts allUnchanged(long changes) {
            Counts c = new Counts();
            c.unchanged = (int) changes;
            return c;
        }

        public int created() {
            return created;
        }

        public int updated() {
            return updated;
        }

        public int unchanged() {
            return unchanged;
        }

        public int conflicts() {
            return conflicts;
        }

        /** People registered twice (one personal identity number, two ids) merged into one. */
        public int merged() {
            return merged;
        }
    }

    private final Transaction tx;
    private final DSLContext dsl;
    private final FieldHistory history;
    private final Counts counts = new Counts();
    /** The newest stamp applied, for the clock once the transaction has committed. */
    private String newest;
    /** Records this import made, so their children need not look them up again. */
    private final Set<String> created = new HashSet<>();

    public MergeApplier(Transaction tx) {
        this.tx = tx;
        this.dsl = tx.dsl();
        this.history = new FieldHistory(tx.dsl());
    }

    /** Applies changes in the order given, then finishes: the whole of one package. */
    public static Counts apply(Transaction tx, List<Change> changes) {
        MergeApplier applier = new MergeApplier(tx);
        changes.forEach(applier::apply);
        return applier.finish();
    }

    /** Whether this database has a change already (the same change, whichever device brought it). */
    public static boolean known(Transaction tx, Change c) {
        return known(tx.dsl(), c);
    }

    private static boolean known(DSLContext dsl, Change c) {
        return dsl.fetchExists(CHANGE_LOG, CHANGE_LOG.ENTITY.eq(c.entity()), CHANGE_LOG.RECORD_ID.eq(c.recordId()),
                CHANGE_LOG.NEW_STAMP.eq(c.stamp()));
    }

    /**
     * Merges people registered twice, after the last change; the clock moves past what came in
     * once the transaction commits (not after a refusal or a dry run, which roll back).
     */
    public Counts finish() {
        mergeDuplicates();
        String last = newest;
        if (last != null) {
            tx.onCommit(() -> tx.clock().observe(last));
        }
        return counts;
    }

    /**
     * Applies one change. Parents come before their children (a package's order); a change
     * already in this database counts as unchanged.
     */
    public void apply(Change c) {
        Entity e = SyncEntities.byName(c.entity())
                .orElseThrow(() -> new ChangeRefusedException(ChangeRefusal.UNKNOWN_ENTITY, c.entity()));
        TableField<?, String> idField = idField(e.table());
        if (known(dsl, c)) {
            counts.unchanged++;
            return;
        }
        Record stored = dsl.select().from(e.table()).where(idField.eq(c.recordId())).fetchOne();
        List<String> columns = e.dataColumns();
        for (String column : c.values().keySet()) {
            if (!columns.contains(column)) {
                throw new ChangeRefusedException(ChangeRefusal.UNKNOWN_FIELD, c.entity(), column);
            }
        }
        if (stored == null && !c.creates()) {
            throw new ChangeRefusedException(ChangeRefusal.MISSING_RECORD, c.entity(), c.recordId());
        }
        long ahead = millis(c.stamp()) - tx.wallClock().millis();
        if (ahead > MAX_AHEAD_MILLIS) {
            // A laptop whose clock runs far ahead would drag every clock it meets along.
            throw new ChangeRefusedException(ChangeRefusal.FUTURE_STAMP, c.entity(), c.recordId(), c.stamp().substring(0, 13));
        }
        if (c.values().containsKey("merged_into") && (!c.device().startsWith(MERGE_DEVICE + "-")
                || c.recordId().equals(c.values().get("merged_into")))) {
            // Only the merge rule merges people, and never a person into themselves.
            throw new ChangeRefusedException(ChangeRefusal.INVALID_VALUE, c.entity(), c.recordId());
        }
        for (var ref : e.references().entrySet()) {
            Object target = c.values().get(ref.getKey());
            if (target != null && !created.contains(ref.getValue() + "/" + target)
                    && !exists(ref.getValue(), target.toString())) {
                throw new ChangeRefusedException(ChangeRefusal.ORPHAN, c.entity(), c.recordId(), ref.getValue(), target.toString());
            }
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (var entry : c.values().entrySet()) {
            String column = entry.getKey();
            Object value = entry.getValue();
            if (stored == null) {
                set.put(e.field(column), convert(e.field(column), value));
                continue;
            }
            TreeSet<String> heads = history.heads(c.entity(), c.recordId(), column);
            heads.removeAll(c.bases().getOrDefault(column, List.of()));
            heads.add(c.stamp());
            history.setHeads(c.entity(), c.recordId(), column, heads);
            Function<String, Object> valueOf =
                    h -> h.equals(c.stamp()) ? value : history.valueAt(c.entity(), c.recordId(), column, h);
            String shown = FieldHistory.winner(heads, e.sticky().contains(column), valueOf);
            set.put(e.field(column), convert(e.field(column), valueOf.apply(shown)));
            if (heads.size() > 1 && heads.stream().map(valueOf).map(FieldHistory::normalise).distinct().count() > 1) {
                counts.conflicts++;
            }
        }
        log(c);
        try {
            write(e, c, stored, idField, set);
        } catch (DataAccessException ex) {
            if (!violatesConstraint(ex)) {
                throw ex;
            }
            // A value the schema lets through but the table does not (a CHECK, a reference
            // outside the entity's list): the package is refused, not the database broken.
            throw new ChangeRefusedException(ChangeRefusal.INVALID_VALUE, c.entity(), c.recordId());
        } catch (IllegalArgumentException ex) {
            // A value the domain cannot read back, such as a personal identity number with
            // a wrong check digit (found while the search index is rebuilt).
            throw new ChangeRefusedException(ChangeRefusal.INVALID_VALUE, c.entity(), c.recordId());
        }
        if (newest == null || c.stamp().compareTo(newest) > 0) {
            newest = c.stamp();
        }
    }

    private void write(Entity e, Change c, Record stored, TableField<?, String> idField, Map<Field<?>, Object> set) {
        if (stored == null) {
            requireComplete(e, c);
            set.put(idField, c.recordId());
            set.put(e.field(Transaction.VERSION_STAMP), c.stamp());
            set.put(e.field(Transaction.CHANGED_BY), c.device());
            set.put(e.field(Transaction.DELETED), c.deleted() ? 1 : 0);
            if (e.table() == PARTICIPANT) {
                set.put(PARTICIPANT.SORT_NAME, "");
                set.put(PARTICIPANT.REGISTERED_NUMBER, c.values().get("personal_number"));
            }
            dsl.insertInto(e.table()).set(set).execute();
            created.add(e.name() + "/" + c.recordId());
            counts.created++;
        } else {
            String storedStamp = stored.get(Transaction.VERSION_STAMP, String.class);
            if (c.stamp().compareTo(storedStamp) > 0) {
                set.put(e.field(Transaction.VERSION_STAMP), c.stamp());
                set.put(e.field(Transaction.CHANGED_BY), c.device());
            }
            if (c.deleted()) {
                // Deletes stay: no change brings a tombstone back.
                set.put(e.field(Transaction.DELETED), 1);
            }
            if (!set.isEmpty()) {
                dsl.update(e.table()).set(set).where(idField.eq(c.recordId())).execute();
            }
            counts.updated++;
        }
        if (e.table() == PARTICIPANT) {
            ParticipantRepository.refreshDerived(dsl, c.recordId());
        }
    }

    private static boolean violatesConstraint(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite
                    && sqlite.getResultCode().name().startsWith("SQLITE_CONSTRAINT")) {
                return true;
            }
        }
        return false;
    }

    private void requireComplete(Entity e, Change c) {
        for (Field<?> f : e.table().fields()) {
            String name = f.getName();
            if (!f.getDataType().nullable() && !f.getDataType().defaulted() && e.dataColumns().contains(name)
                    && c.values().get(name) == null) {
                throw new ChangeRefusedException(ChangeRefusal.INCOMPLETE, c.entity(), c.recordId(), name);
            }
        }
    }

    private void log(Change c) {
        List<String> fields = new ArrayList<>(c.values().keySet());
        Map<String, Object> values = new LinkedHashMap<>(c.values());
        if (c.deleted()) {
            fields.add(Transaction.DELETED);
            values.put(Transaction.DELETED, 1L);
        }
        dsl.insertInto(CHANGE_LOG)
                .set(CHANGE_LOG.ENTITY, c.entity())
                .set(CHANGE_LOG.RECORD_ID, c.recordId())
                .set(CHANGE_LOG.FIELDS, FieldHistory.JSON.valueToTree(fields).toString())
                .set(CHANGE_LOG.FIELD_VALUES, FieldHistory.writeValues(values))
                .set(CHANGE_LOG.FIELD_BASES, FieldHistory.writeBases(c.bases()))
                .set(CHANGE_LOG.BASE_STAMP, c.base())
                .set(CHANGE_LOG.NEW_STAMP, c.stamp())
                .set(CHANGE_LOG.DEVICE_ID, c.device())
                .set(CHANGE_LOG.DELETED, c.deleted() ? 1 : 0)
                .set(CHANGE_LOG.LOGGED_AT, tx.wallClock().instant().toString())
                .execute();
    }

    private boolean exists(String entity, String id) {
        Entity target = SyncEntities.byName(entity).orElseThrow();
        return dsl.fetchExists(target.table(), idField(target.table()).eq(id));
    }

    /**
     * One person, one record: a personal identity number registered under two ids becomes
     * the record with the smaller id, the other a tombstone pointing there, and its
     * enrolments move over. The changes this makes have stamps computed from the records,
     * so every device makes the very same changes and they meet as duplicates.
     */
    private void mergeDuplicates() {
        boolean again = true;
        int rounds = 0;
        while (again) {
            again = false;
            if (++rounds > 1000) {
                // Merges that never settle: refuse rather than hold the database forever.
                throw new ChangeRefusedException(ChangeRefusal.INVALID_VALUE, "participant", "merged_into");
            }
            // People registered with the same number: the number as registered (it never
            // changes, so the rule gives the same answer whatever arrives later), among all
            // records not merged yet, deleted ones too (a delete arriving before or after a
            // duplicate must end the same way).
            var duplicates = dsl.select(PARTICIPANT.REGISTERED_NUMBER, PARTICIPANT.ID).from(PARTICIPANT)
                    .where(PARTICIPANT.MERGED_INTO.isNull(), PARTICIPANT.REGISTERED_NUMBER.in(
                            DSL.select(PARTICIPANT.REGISTERED_NUMBER).from(PARTICIPANT)
                                    .where(PARTICIPANT.MERGED_INTO.isNull())
                                    .groupBy(PARTICIPANT.REGISTERED_NUMBER).having(DSL.count().gt(1))))
                    .orderBy(PARTICIPANT.REGISTERED_NUMBER, PARTICIPANT.ID).fetch();
            String survivor = null;
            String number = null;
            for (var row : duplicates) {
                if (!row.value1().equals(number)) {
                    number = row.value1();
                    survivor = row.value2();
                    continue;
                }
                String loser = row.value2();
                String first = history.firstStamp("participant", loser).orElseThrow();
                long millis = Math.max(millis(history.firstStamp("participant", survivor).orElseThrow()),
                        millis(first)) + 1;
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("merged_into", survivor);
                apply(new Change("participant", loser, HybridLogicalClock.format(millis, 9999, mergeDevice(survivor)),
                        first, mergeDevice(survivor), true, values,
                        Map.of("merged_into", List.copyOf(history.heads("participant", loser, "merged_into")))));
                counts.merged++;
                again = true;
            }
            var moved = dsl.select(ENROLMENT.ID, PARTICIPANT.ID).from(ENROLMENT).join(PARTICIPANT)
                    .on(PARTICIPANT.ID.eq(ENROLMENT.PARTICIPANT_ID)).where(PARTICIPANT.MERGED_INTO.isNotNull())
                    .orderBy(ENROLMENT.ID).fetch();
            for (var row : moved) {
                String enrolment = row.value1();
                String target = finalRecord(row.value2());
                if (target.equals(row.value2())) {
                    continue;
                }
                TreeSet<String> heads = history.heads("enrolment", enrolment, "participant_id");
                String mergedAt = history.heads("participant", row.value2(), "merged_into").last();
                long millis = Math.max(millis(heads.last()) + 1, millis(mergedAt));
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("participant_id", target);
                apply(new Change("enrolment", enrolment, HybridLogicalClock.format(millis, 9999, mergeDevice(target)),
                        history.firstStamp("enrolment", enrolment).orElseThrow(), mergeDevice(target), false, values,
                        Map.of("participant_id", List.copyOf(heads))));
                again = true;
            }
        }
    }

    private String finalRecord(String participant) {
        String id = participant;
        Set<String> seen = new HashSet<>();
        while (seen.add(id)) {
            String next = dsl.select(PARTICIPANT.MERGED_INTO).from(PARTICIPANT).where(PARTICIPANT.ID.eq(id))
                    .fetchOne(PARTICIPANT.MERGED_INTO);
            if (next == null) {
                return id;
            }
            id = next;
        }
        return id;
    }

    private static long millis(String stamp) {
        return Long.parseLong(stamp.substring(0, 13));
    }

    @SuppressWarnings("unchecked")
    static TableField<?, String> idField(Table<?> table) {
        return (TableField<?, String>) Objects.requireNonNull(table.field(Transaction.ID));
    }

    private static Object convert(Field<?> field, Object value) {
        return value == null ? null : field.getDataType().convert(value);
    }
}

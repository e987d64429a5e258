package se.jobbtorg.coach.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.generated.Tables;

/**
 * One write transaction. Every change to a synchronised table goes through {@link #save} or
 * {@link #tombstone}, which stamp the record and write its change-log row in this transaction.
 */
public final class Transaction {
    public static final String ID = "id";
    public static final String VERSION_STAMP = "version_stamp";
    public static final String CHANGED_BY = "changed_by";
    public static final String DELETED = "deleted";
    /** Bookkeeping columns that are never "changed fields" themselves; deleted is, as a tombstone. */
    private static final Set<String> TRACKED_ELSEWHERE = Set.of(ID, VERSION_STAMP, CHANGED_BY);

    private final DSLContext dsl;
    private final HybridLogicalClock hlc;
    private final String deviceId;
    private final Clock clock;
    private final FieldHistory history;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean largeWrite;

    Transaction(DSLContext dsl, HybridLogicalClock hlc, String deviceId, Clock clock) {
        this.dsl = dsl;
        this.history = new FieldHistory(dsl);
        this.hlc = hlc;
        this.deviceId = deviceId;
        this.clock = clock;
    }

    /** The last sequence number of the change log (0 when it is empty). */
    public static long lastSeq(DSLContext dsl) {
        Integer seq = dsl.select(DSL.max(Tables.CHANGE_LOG.SEQ))
                .from(Tables.CHANGE_LOG)
                .fetchOne(0, Integer.class);
        return seq == null ? 0 : seq;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Inserts or updates a record by its id, with the fields the caller set on it. Only fields
     * whose value differs from the stored row count as changed; a save that changes nothing
     * writes nothing and returns false.
     */
    public <R extends UpdatableRecord<R>> boolean save(R record) {
        Table<R> table = record.getTable();
        TableField<R, String> idField = stringField(table, ID);
        String id = Objects.requireNonNull(record.get(idField), "record without id");
        R stored = dsl.selectFrom(table).where(idField.eq(id)).fetchOne();

        if (record.get(deletedField(table)) == null || stored != null && isDeleted(stored, table)) {
            // Deletes stay deleted: a later save of an old copy never brings a tombstone back.
            record.set(deletedField(table), stored != null && isDeleted(stored, table) ? 1 : 0);
        }
        List<String> changed = new ArrayList<>();
        for (Field<?> field : table.fields()) {
            String name = field.getName();
            // Only the fields the caller set take part: a save may change part of a record.
            if (TRACKED_ELSEWHERE.contains(name) || !record.changed(field) || isDerived(table, name)) {
                continue;
            }
            Object value = record.get(field);
            boolean differs = stored == null
                    ? value != null
                            && !(DELETED.equals(name) && Integer.valueOf(0).equals(value))
                    : !Objects.equals(value, stored.get(field));
            if (differs) {
                changed.add(name);
            }
        }
        if (stored != null && changed.isEmpty()) {
            return false;
        }
        String base = stored == null ? null : stored.get(stringField(table, VERSION_STAMP));
        String stamp = hlc.tick();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<String>> bases = new LinkedHashMap<>();
        for (String name : changed) {
            values.put(name, FieldHistory.normalise(record.get(name)));
            if (stored != null && !DELETED.equals(name)) {
                // An ordinary edit has seen the version it replaces, the one shown; versions
                // in conflict stay in conflict until a person resolves them.
                TreeSet<String> heads = history.heads(table.getName(), id, name);
                String shown = FieldHistory.winner(
                        heads, isSticky(table, name), h -> history.valueAt(table.getName(), id, name, h));
                if (shown != null) {
                    bases.put(name, List.of(shown));
                    heads.remove(shown);
                }
                heads.add(stamp);
                history.setHeads(table.getName(), id, name, heads);
            }
        }
        record.set(stringField(table, VERSION_STAMP), stamp);
        record.set(stringField(table, CHANGED_BY), deviceId);
        if (stored == null) {
            dsl.insertInto(table).set(record).execute();
        } else {
            dsl.update(table).set(record).where(idField.eq(id)).execute();
        }
        log(table, id, changed, base, stamp, isDeleted(record, table), values, bases);
        return true;
    }

    /**
     * Resolves a conflict: a new version of the field that has seen the versions the person was
     * shown ({@code seen}), with the value they chose. A version that arrived after they looked
     * stays in conflict with the decision.
     */
    public <R extends UpdatableRecord<R>> void resolve(
            Table<R> table, String id, String field, Object value, Collection<String> seen) {
        TableField<R, String> idField = stringField(table, ID);
        R stored = Objects.requireNonNull(
                dsl.selectFrom(table).where(idField.eq(id)).fetchOne(), "no such record");
        TreeSet<String> heads = history.heads(table.getName(), id, field);
        List<String> bases = heads.stream().filter(seen::contains).toList();
        String base = stored.get(stringField(table, VERSION_STAMP));
        String stamp = hlc.tick();
        @SuppressWarnings("unchecked")
        Field<Object> column = (Field<Object>) Objects.requireNonNull(table.field(field), field);
        dsl.update(table)
                .set(column, column.getDataType().convert(value))
                .set(stringField(table, VERSION_STAMP), stamp)
                .set(stringField(table, CHANGED_BY), deviceId)
                .where(idField.eq(id))
                .execute();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(field, FieldHistory.normalise(column.getDataType().convert(value)));
        heads.removeAll(bases);
        heads.add(stamp);
        history.setHeads(table.getName(), id, field, heads);
        log(table, id, List.of(field), base, stamp, isDeleted(stored, table), values, Map.of(field, bases));
    }

    public HybridLogicalClock clock() {
        return hlc;
    }

    /** The device this transaction writes as. */
    public String deviceId() {
        return deviceId;
    }

    /** Work to run once this transaction has committed (never after a rollback). */
    public void onCommit(Runnable work) {
        afterCommit.add(work);
    }

    List<Runnable> afterCommit() {
        return afterCommit;
    }

    public Clock wallClock() {
        return clock;
    }

    /**
     * A write of hundreds of thousands of rows (an import at city size): for the rest of this
     * transaction the connection's page cache is {@link Database#LARGE_WRITE_CACHE_KIB}, and after
     * it, committed or not, the usual size again. Each row lands at a random place of several
     * indexes; once those are larger than the usual cache, nearly every row read a page again and
     * decrypted it, and wrote one back to the WAL.
     */
    public void largeWrite() {
        dsl.execute("PRAGMA cache_size = -" + Database.LARGE_WRITE_CACHE_KIB);
        largeWrite = true;
    }

    boolean isLargeWrite() {
        return largeWrite;
    }

    private static boolean isDerived(Table<?> table, String column) {
        SyncEntities.Entity entity = SyncEntities.of(table);
        return entity != null && entity.derived().contains(column);
    }

    private static boolean isSticky(Table<?> table, String column) {
        SyncEntities.Entity entity = SyncEntities.of(table);
        return entity != null && entity.sticky().contains(column);
    }

    /** Marks a record deleted. Tombstones travel and stay; ordinary changes never remove rows. */
    public <R extends UpdatableRecord<R>> boolean tombstone(Table<R> table, String id) {
        R stored = dsl.selectFrom(table).where(stringField(table, ID).eq(id)).fetchOne();
        if (stored == null || isDeleted(stored, table)) {
            return false;
        }
        stored.set(deletedField(table), 1);
        return save(stored);
    }

    private void log(
            Table<?> table,
            String id,
            List<String> fields,
            String base,
            String stamp,
            boolean deleted,
            Map<String, Object> values,
            Map<String, List<String>> bases) {
        var log = Tables.CHANGE_LOG;
        dsl.insertInto(log)
                .set(log.ENTITY, table.getName())
                .set(log.RECORD_ID, id)
                .set(log.FIELDS, FieldHistory.JSON.valueToTree(fields).toString())
                .set(log.FIELD_VALUES, FieldHistory.writeValues(values))
                .set(log.FIELD_BASES, FieldHistory.writeBases(bases))
                .set(log.BASE_STAMP, base)
                .set(log.NEW_STAMP, stamp)
                .set(log.DEVICE_ID, deviceId)
                .set(log.DELETED, deleted ? 1 : 0)
                .set(log.LOGGED_AT, clock.instant().toString())
                .execute();
    }

    private static boolean isDeleted(Record record, Table<?> table) {
        return Integer.valueOf(1).equals(record.get(deletedField(table)));
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> TableField<R, String> stringField(Table<R> table, String name) {
        return (TableField<R, String>)
                Objects.requireNonNull(table.field(name), () -> table.getName() + " lacks " + name);
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> TableField<R, Integer> deletedField(Table<R> table) {
        return (TableField<R, Integer>)
                Objects.requireNonNull(table.field(DELETED), () -> table.getName() + " lacks " + DELETED);
    }
}

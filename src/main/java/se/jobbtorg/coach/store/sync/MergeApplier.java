package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.PURGE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteException;
import se.jobbtorg.coach.store.DerivedData;
import se.jobbtorg.coach.store.FieldHistory;
import se.jobbtorg.coach.store.HybridLogicalClock;
import se.jobbtorg.coach.store.ParticipantRepository;
import se.jobbtorg.coach.store.Retention;
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
        private int trail;
        private int purges;

        /**
         * A package applied whole before: every one of its changes is here already ({@code
         * trail} of them entries of the audit trail, counted apart).
         */
        public static Counts allUnchanged(long changes, long trail) {
            Counts c = new Counts();
            c.unchanged = (int) (changes - trail);
            c.trail = (int) trail;
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

        /**
         * Entries of the audit trail the package carried, new here or not: they are not case
         * records, so the other counts leave them out.
         */
        public int trail() {
            return trail;
        }

        /** Purges (retention) carried out here by this import. */
        public int purges() {
            return purges;
        }
    }

    private final Transaction tx;
    private final DSLContext dsl;
    private final FieldHistory history;
    private final ValueRules rules;
    private final Counts counts = new Counts();
    /** The newest stamp applied, for the clock once the transaction has committed. */
    private String newest;
    /**
     * Records this import made, so their children need not look them up again: at most
     * {@link #CREATED_KEPT}, then forgotten at the next batch (a child of one forgotten is looked
     * up with its batch, as a record made before the import is). Kept whole, it grew with the
     * package: about 3.7 million names and 1.1 GB of heap at 100,000 participants.
     */
    private final Set<String> created = new HashSet<>();

    static final int CREATED_KEPT = 100_000;
    /** Changes taken but not applied yet: applied a batch at a time, in the order given. */
    private final List<Change> pending = new ArrayList<>();
    /**
     * What one batch looked up at once (IN lists, not a query per change), kept up to date while
     * the batch is applied and dropped after it, so memory stays flat however large the package:
     * the changes the database has of the batch's records ("entity/id/stamp"), and each record's
     * version stamp (null: no such record) and whether it exists, by "entity/id".
     */
    private final Set<String> knownChanges = new HashSet<>();

    private final Set<String> lookedUp = new HashSet<>();
    private final Map<String, String> versions = new HashMap<>();
    private final Set<String> existing = new HashSet<>();

    public MergeApplier(Transaction tx) {
        this.tx = tx;
        this.rules = new ValueRules(tx.wallClock().getZone());
        this.dsl = tx.dsl();
        this.history = new FieldHistory(tx.dsl());
        this.purged = Retention.purgedIds(dsl);
        this.derivedLater = DerivedData.deferIfEmpty(tx);
        dsl.select(PURGE.PARTICIPANT_ID, PURGE.AUDIT_BEFORE_ON)
                .from(PURGE)
                .forEach(r -> trailPurgedBefore.merge(r.value1(), r.value2(), (a, b) -> a.compareTo(b) > 0 ? a : b));
    }

    /**
     * The ids of records purged at retention, here or by a purge received: a change of one, or of
     * a record that refers to one, is dropped (a stale package does not bring a person back).
     * Usually empty; held whole, as it is small beside what an import holds.
     */
    private final Set<String> purged;
    /**
     * Search keys, the indicators' facts and the people never enrolled, derived once at the
     * finish when the import began in a database that held nobody (a new laptop's snapshot).
     */
    private final DerivedData.Deferred derivedLater;

    /** By purged person, the day before which their audit entries went: older ones are dropped too. */
    private final Map<String, String> trailPurgedBefore = new HashMap<>();

    /** How many changes are looked up together. */
    static final int BATCH = 500;

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
        return dsl.fetchExists(
                CHANGE_LOG,
                CHANGE_LOG.ENTITY.eq(c.entity()),
                CHANGE_LOG.RECORD_ID.eq(c.recordId()),
                CHANGE_LOG.NEW_STAMP.eq(c.stamp()));
    }

    /**
     * Merges people registered twice, after the last change; the clock moves past what came in
     * once the transaction commits (not after a refusal or a dry run, which roll back).
     */
    public Counts finish() {
        flush();
        mergeDuplicates();
        derivedLater.derive(tx);
        String last = newest;
        if (last != null) {
            tx.onCommit(() -> tx.clock().observe(last));
        }
        return counts;
    }

    /**
     * Takes one change. Parents come before their children (a package's order); a change
     * already in this database counts as unchanged. Changes are applied a batch at a time, in
     * the order taken; a refusal comes at the latest from {@link #finish()}.
     */
    public void apply(Change c) {
        if (purged(c)) {
            // What retention deleted stays deleted, and so does what was made under it meanwhile.
            if (c.creates()) {
                purged.add(c.recordId());
                Retention.markPurged(dsl, c.recordId());
            }
            counts.unchanged++;
            return;
        }
        pending.add(c);
        // A purge is carried out at once: the changes after it are held to it.
        if (pending.size() >= BATCH || c.entity().equals(SyncEntities.PURGE_ENTITY)) {
            flush();
        }
    }

    private boolean purged(Change c) {
        if (purged.isEmpty() || c.entity().equals(SyncEntities.PURGE_ENTITY)) {
            return false;
        }
        if (purged.contains(c.recordId())) {
            return true;
        }
        Optional<Entity> entity = SyncEntities.byName(c.entity());
        if (entity.isEmpty()) {
            return false;
        }
        for (String reference : entity.get().references().keySet()) {
            Object target = c.values().get(reference);
            if (target != null && purged.contains(target.toString())) {
                return true;
            }
        }
        if (c.entity().equals(SyncEntities.TRAIL)) {
            Object person = c.values().get("participant_id");
            Object at = c.values().get("done_at");
            String before = person == null ? null : trailPurgedBefore.get(person.toString());
            return before != null && at != null && at.toString().compareTo(before) < 0;
        }
        return false;
    }

    /** A purge received and new here: the same records deleted, and held to from now on. */
    private void carryOut(Change c) {
        String person = String.valueOf(c.values().get("participant_id"));
        String records = String.valueOf(c.values().get("record_ids"));
        String auditBefore = String.valueOf(c.values().get("audit_before_on"));
        purged.add(person);
        purged.addAll(Retention.applyReceived(dsl, person, records, auditBefore));
        counts.purges++;
        trailPurgedBefore.merge(person, auditBefore, (a, b) -> a.compareTo(b) > 0 ? a : b);
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (created.size() > CREATED_KEPT) {
            // Written already: what a later batch needs of them it reads back.
            created.clear();
        }
        prefetch(pending);
        try {
            for (Change c : pending) {
                applyNow(c);
            }
            writePending();
            for (Change c : pending) {
                if (c.entity().equals(SyncEntities.PURGE_ENTITY)
                        && created.contains(SyncEntities.PURGE_ENTITY + "/" + c.recordId())) {
                    carryOut(c);
                }
            }
        } finally {
            pendingCreations.clear();
            pending.clear();
            knownChanges.clear();
            lookedUp.clear();
            versions.clear();
            existing.clear();
        }
    }

    /** One query per entity (and per entity referred to) for the whole batch. */
    private void prefetch(List<Change> batch) {
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, Set<String>> referred = new HashMap<>();
        for (Change c : batch) {
            Optional<Entity> entity = SyncEntities.byName(c.entity());
            if (entity.isEmpty()) {
                continue;
            }
            ids.computeIfAbsent(c.entity(), k -> new HashSet<>()).add(c.recordId());
            for (var ref : entity.get().references().entrySet()) {
                Object target = c.values().get(ref.getKey());
                if (target != null && !created.contains(ref.getValue() + "/" + target)) {
                    referred.computeIfAbsent(ref.getValue(), k -> new HashSet<>())
                            .add(target.toString());
                }
            }
        }
        for (var byEntity : ids.entrySet()) {
            String entity = byEntity.getKey();
            Entity e = SyncEntities.byName(entity).orElseThrow();
            TableField<?, String> idField = idField(e.table());
            Field<String> version = e.field(Transaction.VERSION_STAMP).coerce(String.class);
            for (List<String> chunk : chunks(byEntity.getValue())) {
                dsl.select(CHANGE_LOG.RECORD_ID, CHANGE_LOG.NEW_STAMP)
                        .from(CHANGE_LOG)
                        .where(CHANGE_LOG.ENTITY.eq(entity), CHANGE_LOG.RECORD_ID.in(chunk))
                        .forEach(r -> knownChanges.add(entity + "/" + r.value1() + "/" + r.value2()));
                chunk.forEach(id -> {
                    lookedUp.add(entity + "/" + id);
                    versions.put(entity + "/" + id, null);
                });
                dsl.select(idField, version)
                        .from(e.table())
                        .where(idField.in(chunk))
                        .forEach(r -> versions.put(entity + "/" + r.value1(), r.value2()));
            }
        }
        for (var byEntity : referred.entrySet()) {
            Entity e = SyncEntities.byName(byEntity.getKey()).orElseThrow();
            TableField<?, String> idField = idField(e.table());
            for (List<String> chunk : chunks(byEntity.getValue())) {
                chunk.forEach(id -> lookedUp.add(e.name() + "/" + id));
                dsl.select(idField)
                        .from(e.table())
                        .where(idField.in(chunk))
                        .forEach(r -> existing.add(e.name() + "/" + r.value1()));
            }
        }
    }

    /** Pieces short enough for any database's limit on bound values. */
    private static List<List<String>> chunks(Set<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String v : values) {
            chunk.add(v);
            if (chunk.size() == BATCH) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private boolean knownNow(Change c) {
        String record = c.entity() + "/" + c.recordId();
        if (lookedUp.contains(record) && versions.containsKey(record)) {
            return knownChanges.contains(record + "/" + c.stamp());
        }
        return known(dsl, c);
    }

    /** The record's version stamp, or null if there is no such record. */
    private String versionOf(Entity e, String id) {
        String record = e.name() + "/" + id;
        if (versions.containsKey(record)) {
            return versions.get(record);
        }
        return dsl.select(e.field(Transaction.VERSION_STAMP).coerce(String.class))
                .from(e.table())
                .where(idField(e.table()).eq(id))
                .fetchOptional(0, String.class)
                .orElse(null);
    }

    private boolean existsNow(String entity, String id) {
        String record = entity + "/" + id;
        if (created.contains(record) || existing.contains(record) || versions.get(record) != null) {
            return true;
        }
        return !lookedUp.contains(record) && exists(entity, id);
    }

    private void applyNow(Change c) {
        Entity e = SyncEntities.byName(c.entity())
                .orElseThrow(() -> new ChangeRefusedException(ChangeRefusal.UNKNOWN_ENTITY, c.entity()));
        TableField<?, String> idField = idField(e.table());
        if (knownNow(c)) {
            if (SyncEntities.isTrail(e)) {
                counts.trail++;
            } else {
                counts.unchanged++;
            }
            return;
        }
        String storedStamp = versionOf(e, c.recordId());
        boolean stored = storedStamp != null;
        Set<String> columns = shape(e).dataColumns();
        for (String column : c.values().keySet()) {
            if (!columns.contains(column)) {
                throw new ChangeRefusedException(ChangeRefusal.UNKNOWN_FIELD, c.entity(), column);
            }
        }
        if (!stored && !c.creates()) {
            throw new ChangeRefusedException(ChangeRefusal.MISSING_RECORD, c.entity(), c.recordId());
        }
        long ahead = millis(c.stamp()) - tx.wallClock().millis();
        if (ahead > MAX_AHEAD_MILLIS) {
            // A laptop whose clock runs far ahead would drag every clock it meets along.
            throw new ChangeRefusedException(
                    ChangeRefusal.FUTURE_STAMP,
                    c.entity(),
                    c.recordId(),
                    c.stamp().substring(0, 13));
        }
        if (c.values().containsKey("merged_into")
                && (!c.device().startsWith(MERGE_DEVICE + "-")
                        || c.recordId().equals(c.values().get("merged_into")))) {
            // Only the merge rule merges people, and never a person into themselves.
            throw ValueRules.refused(c, "merged_into", "merge_rule_only");
        }
        rules.values(c);
        for (var ref : e.references().entrySet()) {
            Object target = c.values().get(ref.getKey());
            if (target != null && !existsNow(ref.getValue(), target.toString())) {
                throw new ChangeRefusedException(
                        ChangeRefusal.ORPHAN, c.entity(), c.recordId(), ref.getValue(), target.toString());
            }
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (var entry : c.values().entrySet()) {
            String column = entry.getKey();
            Object value = entry.getValue();
            if (!stored) {
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
            if (heads.size() > 1
                    && heads.stream()
                                    .map(valueOf)
                                    .map(FieldHistory::normalise)
                                    .distinct()
                                    .count()
                            > 1) {
                counts.conflicts++;
            }
        }
        if (!stored && versions.containsKey(c.entity() + "/" + c.recordId())) {
            // A new record in a batch: written with the batch's other new records, in bulk.
            requireComplete(e, c);
            if (e.table() == ENROLMENT) {
                rules.enrolment(c, c.values());
            }
            pendingCreations.add(new Creation(e, c, creationRow(e, c, idField, set)));
            created.add(e.name() + "/" + c.recordId());
            countCreated(e);
        } else {
            // What follows reads the record and its history: they must be written first.
            writePending();
            log(c);
            writeOne(e, c, storedStamp, idField, set);
            if (e.table() == ENROLMENT && !c.deleted()) {
                // The enrolment as it is now shown: its exit's date, reason and note hold together.
                rules.enrolment(
                        c,
                        stored
                                ? dsl.selectFrom(ENROLMENT)
                                        .where(ENROLMENT.ID.eq(c.recordId()))
                                        .fetchOne()
                                        .intoMap()
                                : c.values());
            }
        }
        if (newest == null || c.stamp().compareTo(newest) > 0) {
            newest = c.stamp();
        }
        String record = c.entity() + "/" + c.recordId();
        knownChanges.add(record + "/" + c.stamp());
        if (versions.containsKey(record) && (storedStamp == null || c.stamp().compareTo(storedStamp) > 0)) {
            versions.put(record, c.stamp());
        }
    }

    /** A new record waiting for its batch's bulk insert. */
    private record Creation(Entity entity, Change change, Map<Field<?>, Object> row) {}

    private final List<Creation> pendingCreations = new ArrayList<>();

    private static Map<Field<?>, Object> creationRow(
            Entity e, Change c, TableField<?, String> idField, Map<Field<?>, Object> set) {
        Map<Field<?>, Object> row = new LinkedHashMap<>(set);
        row.put(idField, c.recordId());
        row.put(e.field(Transaction.VERSION_STAMP), c.stamp());
        row.put(e.field(Transaction.CHANGED_BY), c.device());
        row.put(e.field(Transaction.DELETED), c.deleted() ? 1 : 0);
        if (e.table() == PARTICIPANT) {
            row.put(PARTICIPANT.SORT_NAME, "");
            row.put(PARTICIPANT.REGISTERED_NUMBER, c.values().get("personal_number"));
        }
        return row;
    }

    /**
     * The batch's new records and their log rows, a few statements for hundreds of rows. If the
     * database refuses one (a CHECK the schema lets through), the batch is undone to a savepoint
     * and written again one by one, to name the change it refuses.
     */
    private void writePending() {
        if (pendingCreations.isEmpty()) {
            return;
        }
        List<Creation> rows = List.copyOf(pendingCreations);
        pendingCreations.clear();
        Savepoint savepoint = dsl.connectionResult(Connection::setSavepoint);
        try {
            insertLog(rows);
            insertRecords(rows);
            dsl.connection(connection -> connection.releaseSavepoint(savepoint));
        } catch (SQLException ex) {
            // Whatever the batch met, the rows again one by one through jOOQ: a constraint
            // names its change (invalid_value), anything else fails as it would have alone.
            dsl.connection(connection -> connection.rollback(savepoint));
            for (Creation row : rows) {
                log(row.change());
                insertOne(row);
            }
            throw new DataAccessException("a batch of new records failed", ex);
        }
        for (Creation row : rows) {
            if (row.entity().table() == PARTICIPANT) {
                derived(row.change());
            }
        }
    }

    /** The log's columns, in the order of {@link #logRow}. */
    private static final List<Field<?>> LOG_COLUMNS = List.of(
            CHANGE_LOG.ENTITY,
            CHANGE_LOG.RECORD_ID,
            CHANGE_LOG.FIELDS,
            CHANGE_LOG.FIELD_VALUES,
            CHANGE_LOG.FIELD_BASES,
            CHANGE_LOG.BASE_STAMP,
            CHANGE_LOG.NEW_STAMP,
            CHANGE_LOG.DEVICE_ID,
            CHANGE_LOG.DELETED,
            CHANGE_LOG.LOGGED_AT);

    /** The log rows: one prepared statement, bound once per row, sent as one batch. */
    private void insertLog(List<Creation> rows) throws SQLException {
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (Creation row : rows) {
            values.add(logRow(row.change()));
        }
        insertBatch(CHANGE_LOG, LOG_COLUMNS, values);
    }

    /**
     * Runs of rows of one table with the same columns, one prepared statement each, bound once
     * per row, in the order taken (parents before children).
     */
    private void insertRecords(List<Creation> rows) throws SQLException {
        int start = 0;
        while (start < rows.size()) {
            Creation first = rows.get(start);
            List<Field<?>> columns = List.copyOf(first.row().keySet());
            int end = start + 1;
            while (end < rows.size()
                    && rows.get(end).entity() == first.entity()
                    && rows.get(end).row().keySet().equals(first.row().keySet())) {
                end++;
            }
            List<List<Object>> values = new ArrayList<>(end - start);
            for (Creation row : rows.subList(start, end)) {
                values.add(new ArrayList<>(row.row().values()));
            }
            insertBatch(first.entity().table(), columns, values);
            start = end;
        }
    }

    /**
     * Inserts rows through a plain prepared statement whose SQL jOOQ rendered once for the
     * database in use (so it stays portable): jOOQ's own batch binds each value through its
     * binding machinery, which cost more than SQLite's work on the row. The values are already
     * of the columns' Java types (text and integers; the tables have no converters).
     */
    private void insertBatch(Table<?> table, List<Field<?>> columns, List<List<Object>> rows) throws SQLException {
        String sql = dsl.render(dsl.insertInto(table, columns).values(Collections.nCopies(columns.size(), null)));
        Connection connection = dsl.configuration().connectionProvider().acquire();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    insert.setObject(i + 1, row.get(i));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } finally {
            dsl.configuration().connectionProvider().release(connection);
        }
    }

    /** One new record alone: a refusal names it. */
    private void insertOne(Creation row) {
        Change c = row.change();
        try {
            dsl.insertInto(row.entity().table()).set(row.row()).execute();
        } catch (DataAccessException ex) {
            if (!violatesConstraint(ex)) {
                throw ex;
            }
            throw ValueRules.refused(c, "-", "table_rule");
        }
    }

    /** A participant's sort key and search index, refused if the domain cannot read it back. */
    private void derived(Change c) {
        try {
            ParticipantRepository.refreshDerived(dsl, c.recordId());
        } catch (IllegalArgumentException ex) {
            // A value the domain cannot read back, such as a personal identity number with
            // a wrong check digit (found while the search index is rebuilt).
            throw ValueRules.refused(c, "-", "domain_rule");
        }
    }

    private void writeOne(
            Entity e, Change c, String storedStamp, TableField<?, String> idField, Map<Field<?>, Object> set) {
        try {
            write(e, c, storedStamp, idField, set);
        } catch (DataAccessException ex) {
            if (!violatesConstraint(ex)) {
                throw ex;
            }
            // A value the schema lets through but the table does not (a CHECK, a reference
            // outside the entity's list): the package is refused, not the database broken.
            throw ValueRules.refused(c, "-", "table_rule");
        } catch (IllegalArgumentException ex) {
            // A value the domain cannot read back, such as a personal identity number with
            // a wrong check digit (found while the search index is rebuilt).
            throw ValueRules.refused(c, "-", "domain_rule");
        }
    }

    private void write(
            Entity e, Change c, String storedStamp, TableField<?, String> idField, Map<Field<?>, Object> set) {
        if (storedStamp == null) {
            requireComplete(e, c);
            dsl.insertInto(e.table()).set(creationRow(e, c, idField, set)).execute();
            created.add(e.name() + "/" + c.recordId());
            countCreated(e);
        } else {
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

    private void countCreated(Entity e) {
        if (SyncEntities.isTrail(e)) {
            counts.trail++;
        } else {
            counts.created++;
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
        for (String name : shape(e).required()) {
            if (c.values().get(name) == null) {
                throw new ChangeRefusedException(ChangeRefusal.INCOMPLETE, c.entity(), c.recordId(), name);
            }
        }
    }

    /**
     * What every change of an entity is held to, worked out once per import rather than per
     * change: the columns a change may set, and those a creation must give (in table order, so
     * the first missing one named is the same as ever).
     */
    private record Shape(Set<String> dataColumns, List<String> required) {}

    private final Map<Entity, Shape> shapes = new HashMap<>();

    private Shape shape(Entity e) {
        return shapes.computeIfAbsent(e, entity -> {
            Set<String> data = new HashSet<>(entity.dataColumns());
            List<String> required = new ArrayList<>();
            for (Field<?> f : entity.table().fields()) {
                if (!f.getDataType().nullable() && !f.getDataType().defaulted() && data.contains(f.getName())) {
                    required.add(f.getName());
                }
            }
            return new Shape(Set.copyOf(data), List.copyOf(required));
        });
    }

    private void log(Change c) {
        dsl.insertInto(
                        CHANGE_LOG,
                        CHANGE_LOG.ENTITY,
                        CHANGE_LOG.RECORD_ID,
                        CHANGE_LOG.FIELDS,
                        CHANGE_LOG.FIELD_VALUES,
                        CHANGE_LOG.FIELD_BASES,
                        CHANGE_LOG.BASE_STAMP,
                        CHANGE_LOG.NEW_STAMP,
                        CHANGE_LOG.DEVICE_ID,
                        CHANGE_LOG.DELETED,
                        CHANGE_LOG.LOGGED_AT)
                .values(logRow(c))
                .execute();
    }

    /** A change as a row of the log, in the column order of {@link #log}. */
    private List<Object> logRow(Change c) {
        List<String> fields = new ArrayList<>(c.values().keySet());
        Map<String, Object> values = new LinkedHashMap<>(c.values());
        if (c.deleted()) {
            fields.add(Transaction.DELETED);
            values.put(Transaction.DELETED, 1L);
        }
        return Arrays.asList(
                c.entity(),
                c.recordId(),
                FieldHistory.JSON.valueToTree(fields).toString(),
                FieldHistory.writeValues(values),
                FieldHistory.writeBases(c.bases()),
                c.base(),
                c.stamp(),
                c.device(),
                c.deleted() ? 1 : 0,
                tx.wallClock().instant().toString());
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
                throw new ChangeRefusedException(
                        ChangeRefusal.INVALID_VALUE, "participant", "-", "merged_into", "settles");
            }
            // People registered with the same number: the number as registered (it never
            // changes, so the rule gives the same answer whatever arrives later), among all
            // records not merged yet, deleted ones too (a delete arriving before or after a
            // duplicate must end the same way).
            var duplicates = dsl.select(PARTICIPANT.REGISTERED_NUMBER, PARTICIPANT.ID)
                    .from(PARTICIPANT)
                    .where(
                            PARTICIPANT.MERGED_INTO.isNull(),
                            PARTICIPANT.REGISTERED_NUMBER.in(DSL.select(PARTICIPANT.REGISTERED_NUMBER)
                                    .from(PARTICIPANT)
                                    .where(PARTICIPANT.MERGED_INTO.isNull())
                                    .groupBy(PARTICIPANT.REGISTERED_NUMBER)
                                    .having(DSL.count().gt(1))))
                    .orderBy(PARTICIPANT.REGISTERED_NUMBER, PARTICIPANT.ID)
                    .fetch();
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
                long millis = Math.max(
                                millis(history.firstStamp("participant", survivor)
                                        .orElseThrow()),
                                millis(first))
                        + 1;
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("merged_into", survivor);
                applyNow(new Change(
                        "participant",
                        loser,
                        HybridLogicalClock.format(millis, 9999, mergeDevice(survivor)),
                        first,
                        mergeDevice(survivor),
                        true,
                        values,
                        Map.of("merged_into", List.copyOf(history.heads("participant", loser, "merged_into")))));
                counts.merged++;
                again = true;
            }
            var moved = dsl.select(ENROLMENT.ID, PARTICIPANT.ID)
                    .from(ENROLMENT)
                    .join(PARTICIPANT)
                    .on(PARTICIPANT.ID.eq(ENROLMENT.PARTICIPANT_ID))
                    .where(PARTICIPANT.MERGED_INTO.isNotNull())
                    .orderBy(ENROLMENT.ID)
                    .fetch();
            for (var row : moved) {
                String enrolment = row.value1();
                String target = finalRecord(row.value2());
                if (target.equals(row.value2())) {
                    continue;
                }
                TreeSet<String> heads = history.heads("enrolment", enrolment, "participant_id");
                String mergedAt = history.heads("participant", row.value2(), "merged_into")
                        .last();
                long millis = Math.max(millis(heads.last()) + 1, millis(mergedAt));
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("participant_id", target);
                applyNow(new Change(
                        "enrolment",
                        enrolment,
                        HybridLogicalClock.format(millis, 9999, mergeDevice(target)),
                        history.firstStamp("enrolment", enrolment).orElseThrow(),
                        mergeDevice(target),
                        false,
                        values,
                        Map.of("participant_id", List.copyOf(heads))));
                again = true;
            }
        }
    }

    private String finalRecord(String participant) {
        String id = participant;
        Set<String> seen = new HashSet<>();
        while (seen.add(id)) {
            String next = dsl.select(PARTICIPANT.MERGED_INTO)
                    .from(PARTICIPANT)
                    .where(PARTICIPANT.ID.eq(id))
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

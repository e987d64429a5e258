package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdatableRecord;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityFollowUp;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.store.generated.tables.records.EnrolmentRecord;
import se.jobbtorg.coach.store.generated.tables.records.ParticipantRecord;

/**
 * Adds many new records at once (the bench's synthetic city), fast: the rows the repositories
 * build, bound to prepared statements in batches on the writer connection, inside one write
 * transaction. Each record gets what {@link Transaction#save} gives a new record: a stamp of this
 * device's clock and a change-log row carrying every field it has, with no bases; a participant
 * also gets its derived sort key, number as registered and search tokens. So the database is one
 * the program treats as its own: it exports, and its records merge like any others. Only for new
 * records (an id already stored fails the insert), never for edits.
 *
 * <p>The triggers that keep derived data, and the secondary indexes, are set aside while the rows
 * go in ({@link DerivedData}, which an import into an empty database uses too).
 */
public final class BulkLoad {
    /** Rows held before they are written: enough to amortise a statement, little memory. */
    private static final int BATCH = 2_000;

    private final Connection connection;
    private final DSLContext dsl;
    private final Transaction tx;
    private final String deviceId;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<String, List<String>> dataColumns = new LinkedHashMap<>();
    private final PreparedStatement log;
    private final PreparedStatement search;
    private int pending;
    private int written;

    private BulkLoad(Connection connection, Transaction tx, String deviceId) throws SQLException {
        this.connection = connection;
        this.dsl = tx.dsl();
        this.tx = tx;
        this.deviceId = deviceId;
        // Parents before children, so every foreign key finds its row when a batch is written.
        for (SyncEntities.Entity entity : SyncEntities.all()) {
            batches.put(entity.name(), new Batch(entity));
            dataColumns.put(entity.name(), entity.dataColumns());
        }
        this.log = connection.prepareStatement("INSERT INTO " + CHANGE_LOG.getName() + " ("
                + String.join(
                        ", ",
                        CHANGE_LOG.ENTITY.getName(),
                        CHANGE_LOG.RECORD_ID.getName(),
                        CHANGE_LOG.FIELDS.getName(),
                        CHANGE_LOG.FIELD_VALUES.getName(),
                        CHANGE_LOG.FIELD_BASES.getName(),
                        CHANGE_LOG.NEW_STAMP.getName(),
                        CHANGE_LOG.DEVICE_ID.getName(),
                        CHANGE_LOG.DELETED.getName(),
                        CHANGE_LOG.LOGGED_AT.getName())
                + ") VALUES (?, ?, ?, ?, '{}', ?, ?, 0, ?)");
        this.search = connection.prepareStatement("INSERT OR IGNORE INTO " + PARTICIPANT_SEARCH.getName() + " ("
                + PARTICIPANT_SEARCH.TOKEN.getName() + ", " + PARTICIPANT_SEARCH.PARTICIPANT_ID.getName()
                + ") VALUES (?, ?)");
    }

    /**
     * Runs work in one write transaction; what it adds is written (and committed) when it returns.
     * A failure rolls everything back, as any write does.
     */
    public static <T> T into(Database db, Function<BulkLoad, T> work) {
        return db.write(tx -> tx.dsl().connectionResult(c -> load(c, tx, db, work)));
    }

    private static <T> T load(Connection c, Transaction tx, Database db, Function<BulkLoad, T> work)
            throws SQLException {
        BulkLoad load = new BulkLoad(c, tx, db.deviceId());
        try (Statement s = c.createStatement()) {
            // Random ids put every insert on another page of each index: a page that stays
            // in the cache is not read and decrypted again. Back to the usual size after.
            s.execute("PRAGMA cache_size = -" + Database.LARGE_WRITE_CACHE_KIB);
            try {
                T result = work.apply(load);
                load.flush();
                return result;
            } finally {
                s.execute("PRAGMA cache_size = -" + Database.CACHE_KIB);
            }
        } finally {
            load.close();
        }
    }

    /** What {@link #build} returned, and where its time went (seconds). */
    public record Built<T>(
            T result, double rows, double searchKeys, double indexes, double commit, double checkpoint) {}

    /**
     * Writes a whole new data set at once (the bench's synthetic city: millions of rows), as
     * {@link #into} does but built for volume, with the same rows, change log and derived search
     * keys in the end. In one transaction, so every page reaches the WAL about once (a page
     * changed again is overwritten in place), and a failure anywhere rolls all of it back,
     * the schema included. Inside it, the secondary indexes of the tables written and the
     * triggers that keep derived data (search keys, the indicators' facts) are set aside while the
     * rows go in (each insert would otherwise land on a random page of every index: at 100,000
     * participants those indexes do not fit the page cache, and every page read again is
     * decrypted again); then the keys are derived in one ordered pass, as migration 9 does, the
     * indexes are made again from their own SQL, the facts derived in one pass as migration 11
     * does, and the triggers made again. The schema the transaction commits is
     * the one it began with. The commit is not synced and there is no checkpoint until the
     * end: one checkpoint, then the connection syncs as always again.
     */
    public static <T> Built<T> build(Database db, Function<BulkLoad, T> work) {
        long[] at = new long[5];
        db.onWriter(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA wal_autocheckpoint = 0");
            }
            return null;
        });
        long t0 = System.nanoTime();
        T result;
        try {
            result = db.write(tx -> tx.dsl().connectionResult(c -> {
                DerivedData.Aside aside = DerivedData.Aside.of(c, true);
                aside.drop(c);
                T loaded = load(c, tx, db, work);
                at[0] = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA cache_size = -" + Database.LARGE_WRITE_CACHE_KIB);
                    aside.deriveSearchKeys(s);
                    at[1] = System.nanoTime();
                    aside.restore(s);
                    s.execute("PRAGMA cache_size = -" + Database.CACHE_KIB);
                }
                at[2] = System.nanoTime();
                return loaded;
            }));
            at[3] = System.nanoTime();
        } finally {
            db.onWriter(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    s.execute("PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT);
                    s.execute("PRAGMA synchronous = " + Database.SYNCHRONOUS);
                }
                return null;
            });
        }
        at[4] = System.nanoTime();
        return new Built<>(
                result,
                (at[0] - t0) / 1e9,
                (at[1] - at[0]) / 1e9,
                (at[2] - at[1]) / 1e9,
                (at[3] - at[2]) / 1e9,
                (at[4] - at[3]) / 1e9);
    }

    /** SQLite's default, which the program never changes. */
    private static final int WAL_AUTOCHECKPOINT = 1_000;

    public void coach(Coach c) {
        add(CoachRepository.record(dsl, c));
    }

    public void participant(Participant p) {
        ParticipantRecord r = ParticipantRepository.record(dsl, p);
        r.setRegisteredNumber(r.getPersonalNumber());
        add(r);
        try {
            for (String token : ParticipantRepository.searchTokens(p)) {
                search.setString(1, token);
                search.setString(2, r.getId());
                search.addBatch();
            }
        } catch (SQLException e) {
            throw new StoreException("bulk load failed", e);
        }
    }

    /** An enrolment as it stands now: its exit, the note an exit "unknown" needs, and the check a month later. */
    public void enrolment(Enrolment e, String exitNote, ExitCheck check, LocalDate checkedOn) {
        EnrolmentRecord r = EnrolmentRepository.record(dsl, e);
        r.setExitNote(exitNote);
        r.setExitCheck(check == null ? null : check.code());
        r.setExitCheckedOn(checkedOn == null ? null : checkedOn.toString());
        add(r);
    }

    public void plan(ActivityPlan p) {
        add(WorkflowRepository.record(dsl, p));
    }

    public void activity(Activity a) {
        add(WorkflowRepository.record(dsl, a));
    }

    public void mapping(MappingEntry m) {
        add(WorkflowRepository.record(dsl, m));
    }

    public void meeting(Meeting m) {
        add(WorkflowRepository.record(dsl, m));
    }

    public void followUp(ActivityFollowUp f) {
        add(WorkflowRepository.record(dsl, f));
    }

    /** How many records have been added so far. */
    public int records() {
        return written + pending;
    }

    private void add(UpdatableRecord<?> record) {
        SyncEntities.Entity entity = SyncEntities.of(record.getTable());
        String stamp = tx.clock().tick();
        record.set(stringField(record, Transaction.VERSION_STAMP), stamp);
        record.set(stringField(record, Transaction.CHANGED_BY), deviceId);
        if (record.get(Transaction.DELETED) == null) {
            record.set(deletedField(record), 0);
        }
        Batch batch = batches.get(entity.name());
        try {
            batch.add(record);
            // As Transaction.save logs a creation: the fields that have a value, none derived.
            List<String> fields = new ArrayList<>();
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : dataColumns.get(entity.name())) {
                Object value = record.get(column);
                if (value != null) {
                    fields.add(column);
                    values.put(column, FieldHistory.normalise(value));
                }
            }
            log.setString(1, entity.name());
            log.setString(2, record.get(Transaction.ID, String.class));
            log.setString(3, FieldHistory.JSON.writeValueAsString(fields));
            log.setString(4, FieldHistory.writeValues(values));
            log.setString(5, stamp);
            log.setString(6, deviceId);
            log.setString(7, tx.wallClock().instant().toString());
            log.addBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("bulk load failed", e);
        }
        if (++pending >= BATCH) {
            flush();
        }
    }

    private void flush() {
        try {
            for (Batch batch : batches.values()) {
                if (batch.statement != null) {
                    batch.statement.executeBatch();
                }
            }
            log.executeBatch();
            search.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("bulk load failed", e);
        }
        written += pending;
        pending = 0;
    }

    private void close() throws SQLException {
        for (Batch batch : batches.values()) {
            if (batch.statement != null) {
                batch.statement.close();
            }
        }
        log.close();
        search.close();
    }

    @SuppressWarnings("unchecked")
    private static Field<String> stringField(UpdatableRecord<?> record, String name) {
        return (Field<String>) record.field(name);
    }

    @SuppressWarnings("unchecked")
    private static Field<Integer> deletedField(UpdatableRecord<?> record) {
        return (Field<Integer>) record.field(Transaction.DELETED);
    }

    /**
     * The insert of one table, every column the file's table has, in the table's order; prepared
     * at its first row, so a load into an older schema (a test of a migration builds one) never
     * names a table or a column it lacks (a newer column is then simply not written).
     */
    private final class Batch {
        final SyncEntities.Entity entity;
        List<Field<?>> fields;
        PreparedStatement statement;

        Batch(SyncEntities.Entity entity) {
            this.entity = entity;
        }

        void add(UpdatableRecord<?> record) throws SQLException {
            if (statement == null) {
                Set<String> present = new HashSet<>();
                try (ResultSet columns = connection
                        .getMetaData()
                        .getColumns(null, null, entity.table().getName(), null)) {
                    while (columns.next()) {
                        present.add(columns.getString("COLUMN_NAME"));
                    }
                }
                fields = Arrays.stream(entity.table().fields())
                        .filter(f -> present.contains(f.getName()))
                        .toList();
                statement = connection.prepareStatement(
                        "INSERT INTO " + entity.table().getName() + " ("
                                + fields.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") VALUES ("
                                + fields.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")");
            }
            for (int i = 0; i < fields.size(); i++) {
                statement.setObject(i + 1, record.get(fields.get(i)));
            }
            statement.addBatch();
        }
    }
}

package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT_SEARCH;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class BulkLoad {
    /** Rows held before they are written: enough to amortise a statement, little memory. */
    private static final int BATCH = 2_000;

    private static final int LOAD_CACHE_KIB = 512 * 1024;

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
        return db.write(tx -> tx.dsl().connectionResult(c -> {
            BulkLoad load = new BulkLoad(c, tx, db.deviceId());
            try (Statement s = c.createStatement()) {
                // Random ids put every insert on another page of each index: a page that stays
                // in the cache is not read and decrypted again. Back to the usual size after.
                s.execute("PRAGMA cache_size = -" + LOAD_CACHE_KIB);
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
        }));
    }

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
                batch.statement.executeBatch();
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
            batch.statement.close();
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

    /** The insert of one table, every column in the table's order. */
    private final class Batch {
        final List<Field<?>> fields;
        final PreparedStatement statement;

        Batch(SyncEntities.Entity entity) throws SQLException {
            this.fields = List.of(entity.table().fields());
            this.statement =
                    connection.prepareStatement("INSERT INTO " + entity.table().getName() + " ("
                            + fields.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") VALUES ("
                            + fields.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")");
        }

        void add(UpdatableRecord<?> record) throws SQLException {
            for (int i = 0; i < fields.size(); i++) {
                statement.setObject(i + 1, record.get(fields.get(i)));
            }
            statement.addBatch();
        }
    }
}

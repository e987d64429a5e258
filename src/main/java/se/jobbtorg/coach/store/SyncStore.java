package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.ENROLMENT;
import static se.jobbtorg.coach.store.generated.Tables.FIELD_HEAD;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;
import static se.jobbtorg.coach.store.generated.Tables.SYNC_IMPORT;
import static se.jobbtorg.coach.store.generated.Tables.SYNC_PEER;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.SyncEntities.Entity;

/**
 * The store's side of the caseload package: the changes to send, and the merge of changes
 * received (src/docs/caseload-package.md). Applying is a pure function of the set of changes a
 * database has seen, so packages may arrive in any order and more than once.
 */
public final class SyncStore {
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

    private final Database db;

    public SyncStore(Database db) {
        this.db = db;
    }

    /** What one import did. */
    public static final class Counts {
        private int created;
        private int updated;
        private int unchanged;
        private int conflicts;
        private int merged;

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

    /**
     * A field whose versions disagree: the one shown, the others with another value (newest
     * first), and the stamps of every version, equal values too, which a decision replaces.
     */
    public record Conflict(String entity, String recordId, String field, Version shown, List<Version> others,
            List<String> versions) {
    }

    public record Version(String stamp, String device, Object value) {
    }

    /** How far this database has the log of another device, and how far that device has ours. */
    public record Peer(String deviceId, String label, long receivedThrough, long acknowledged, String lastExchange) {
    }

    public String deviceId() {
        return db.deviceId();
    }

    private static long lastSeq(DSLContext dsl) {
        Integer seq = dsl.select(DSL.max(CHANGE_LOG.SEQ)).from(CHANGE_LOG).fetchOne(0, Integer.class);
        return seq == null ? 0 : seq;
    }

    /** The changes logged here after seq (this device's own and those it received), in log order. */
    public Export changesAfter(long seq) {
        return db.read(dsl -> {
            long to = lastSeq(dsl);
            List<Change> changes = new ArrayList<>();
            for (Record r : dsl.selectFrom(CHANGE_LOG).where(CHANGE_LOG.SEQ.gt((int) seq))
                    .orderBy(CHANGE_LOG.SEQ).fetch()) {
                Change c = toChange(r);
                if (c != null) {
                    changes.add(c);
                }
            }
            return new Export(seq, to, changes, receivedThrough(dsl));
        });
    }

    /** A slice of the log: what a package carries. {@code received} is what this device has of others. */
    public record Export(long from, long to, List<Change> changes, Map<String, Long> received) {
    }

    private static Change toChange(Record r) {
        String entity = r.get(CHANGE_LOG.ENTITY);
        if (SyncEntities.byName(entity).isEmpty()) {
            return null;
        }
        Entity e = SyncEntities.byName(entity).get();
        Map<String, Object> values = new LinkedHashMap<>();
        FieldHistory.readValues(r.get(CHANGE_LOG.FIELD_VALUES)).forEach((k, v) -> {
            if (!k.equals(Transaction.DELETED) && !e.derived().contains(k)) {
                values.put(k, v);
            }
        });
        Map<String, List<String>> bases = new LinkedHashMap<>(FieldHistory.readBases(r.get(CHANGE_LOG.FIELD_BASES)));
        bases.keySet().retainAll(values.keySet());
        return new Change(entity, r.get(CHANGE_LOG.RECORD_ID), r.get(CHANGE_LOG.NEW_STAMP), r.get(CHANGE_LOG.BASE_STAMP),
                r.get(CHANGE_LOG.DEVICE_ID), r.get(CHANGE_LOG.DELETED) == 1, values, bases);
    }

    public Map<String, Long> receivedThrough() {
        return db.read(SyncStore::receivedThrough);
    }

    private static Map<String, Long> receivedThrough(DSLContext dsl) {
        Map<String, Long> map = new LinkedHashMap<>();
        dsl.selectFrom(SYNC_PEER).orderBy(SYNC_PEER.DEVICE_ID)
                .forEach(p -> map.put(p.getDeviceId(), (long) p.getReceivedThrough()));
        return map;
    }

    public List<Peer> peers() {
        return db.read(dsl -> dsl.selectFrom(SYNC_PEER).orderBy(SYNC_PEER.LABEL, SYNC_PEER.DEVICE_ID)
                .fetch(p -> new Peer(p.getDeviceId(), p.getLabel(), p.getReceivedThrough(), p.getAcknowledged(),
                        p.getLastExchange())));
    }

    public Peer peer(Transaction tx, String deviceId) {
        var p = tx.dsl().selectFrom(SYNC_PEER).where(SYNC_PEER.DEVICE_ID.eq(deviceId)).fetchOne();
        return p == null ? new Peer(deviceId, null, 0, 0, null)
                : new Peer(deviceId, p.getLabel(), p.getReceivedThrough(), p.getAcknowledged(), p.getLastExchange());
    }

    /** Notes what a package from a peer brought and what it says the peer has of ours. */
    public void recordExchange(Transaction tx, String peer, String label, long receivedThrough, long acknowledged) {
        Peer old = peer(tx, peer);
        tx.dsl().insertInto(SYNC_PEER)
                .set(SYNC_PEER.DEVICE_ID, peer)
                .set(SYNC_PEER.LABEL, label != null ? label : old.label())
                .set(SYNC_PEER.RECEIVED_THROUGH, (int) Math.max(old.receivedThrough(), receivedThrough))
                .set(SYNC_PEER.ACKNOWLEDGED, (int) Math.max(old.acknowledged(), acknowledged))
                .set(SYNC_PEER.LAST_EXCHANGE, tx.wallClock().instant().toString())
                .onConflict(SYNC_PEER.DEVICE_ID).doUpdate()
                .set(SYNC_PEER.LABEL, label != null ? label : old.label())
                .set(SYNC_PEER.RECEIVED_THROUGH, (int) Math.max(old.receivedThrough(), receivedThrough))
                .set(SYNC_PEER.ACKNOWLEDGED, (int) Math.max(old.acknowledged(), acknowledged))
                .set(SYNC_PEER.LAST_EXCHANGE, tx.wallClock().instant().toString())
                .execute();
    }

    public void recordImport(Transaction tx, String packageId, String producer, String kind, long from, long to,
            Counts counts) {
        tx.dsl().insertInto(SYNC_IMPORT)
                .set(SYNC_IMPORT.PACKAGE_ID, packageId)
                .set(SYNC_IMPORT.PRODUCER, producer)
                .set(SYNC_IMPORT.KIND, kind)
                .set(SYNC_IMPORT.SEQ_FROM, (int) from)
                .set(SYNC_IMPORT.SEQ_TO, (int) to)
                .set(SYNC_IMPORT.IMPORTED_AT, tx.wallClock().instant().toString())
                .set(SYNC_IMPORT.NEW_RECORDS, counts.created)
                .set(SYNC_IMPORT.UPDATED, counts.updated)
                .set(SYNC_IMPORT.UNCHANGED, counts.unchanged)
                .set(SYNC_IMPORT.CONFLICTS, counts.conflicts)
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Applies changes in the order given (parents before children), then merges people
     * registered twice. Throws {@link ChangeRefusedException} for a change that cannot be
     * applied; the caller's transaction then rolls back whole.
     */
    public Counts apply(Transaction tx, List<Change> changes) {
        Counts counts = new Counts();
        Applier applier = new Applier(tx, counts);
        for (Change c : changes) {
            applier.apply(c);
        }
        applier.mergeDuplicates();
        // The clock moves past what came in only if it stays: not after a refusal or a dry run.
        String newest = applier.newest;
        if (newest != null) {
            tx.onCommit(() -> tx.clock().observe(newest));
        }
        return counts;
    }

    /** Every field whose versions disagree, for a person to resolve. */
    public List<Conflict> conflicts() {
        return db.read(dsl -> {
            FieldHistory history = new FieldHistory(dsl);
            List<Conflict> result = new ArrayList<>();
            var keys = dsl.selectDistinct(FIELD_HEAD.ENTITY, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD).from(FIELD_HEAD)
                    .orderBy(FIELD_HEAD.ENTITY, FIELD_HEAD.RECORD_ID, FIELD_HEAD.FIELD).fetch();
            for (var key : keys) {
                Entity e = SyncEntities.byName(key.value1()).orElseThrow();
                boolean deleted = dsl.fetchExists(e.table(), idField(e.table()).eq(key.value2())
                        .and(DSL.field(Transaction.DELETED, Integer.class).eq(1)));
                if (!deleted) {
                    // A deleted record's versions stay in the history; there is nothing left to decide.
                    conflict(dsl, history, key.value1(), key.value2(), key.value3()).ifPresent(result::add);
                }
            }
            return result;
        });
    }

    private static java.util.Optional<Conflict> conflict(DSLContext dsl, FieldHistory history, String entity,
            String id, String field) {
        TreeSet<String> heads = history.heads(entity, id, field);
        boolean sticky = SyncEntities.byName(entity).map(e -> e.sticky().contains(field)).orElse(false);
        String shown = FieldHistory.winner(heads, sticky, h -> history.valueAt(entity, id, field, h));
        Object shownValue = history.valueAt(entity, id, field, shown);
        List<Version> others = new ArrayList<>();
        for (String h : heads.descendingSet()) {
            Object v = history.valueAt(entity, id, field, h);
            if (!h.equals(shown) && !FieldHistory.sameValue(v, shownValue)) {
                others.add(new Version(h, deviceOf(h), v));
            }
        }
        if (others.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Conflict(entity, id, field, new Version(shown, deviceOf(shown), shownValue),
                others, List.copyOf(heads)));
    }

    private static String deviceOf(String stamp) {
        return stamp.substring(19);
    }

    /** A person's decision: the field gets this value, and every version in conflict is seen. */
    public void resolve(Transaction tx, String entity, String recordId, String field, Object value,
            java.util.Collection<String> seen) {
        Entity e = SyncEntities.byName(entity).orElseThrow();
        resolve(tx, e.table(), recordId, field, value, seen);
        if (e.table() == PARTICIPANT) {
            // A name decided: the sort key and the search words follow it.
            ParticipantRepository.refreshDerived(tx.dsl(), recordId);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void resolve(Transaction tx, Table table, String recordId, String field, Object value,
            java.util.Collection<String> seen) {
        tx.resolve(table, recordId, field, value, seen);
    }

    /** The merge of received changes, inside one transaction. */
    private static final class Applier {
        private final Transaction tx;
        private final DSLContext dsl;
        private final FieldHistory history;
        private final Counts counts;
        /** The newest stamp applied, for the clock once the transaction has committed. */
        private String newest;
        /** Records this import made, so their children need not look them up again. */
        private final java.util.Set<String> created = new HashSet<>();

        Applier(Transaction tx, Counts counts) {
            this.tx = tx;
            this.dsl = tx.dsl();
            this.history = new FieldHistory(tx.dsl());
            this.counts = counts;
        }

        void apply(Change c) {
            Entity e = SyncEntities.byName(c.entity())
                    .orElseThrow(() -> new ChangeRefusedException("unknown_entity", c.entity()));
            TableField<?, String> idField = idField(e.table());
            if (dsl.fetchExists(CHANGE_LOG, CHANGE_LOG.ENTITY.eq(c.entity()), CHANGE_LOG.RECORD_ID.eq(c.recordId()),
                    CHANGE_LOG.NEW_STAMP.eq(c.stamp()))) {
                counts.unchanged++;
                return;
            }
            Record stored = dsl.select().from(e.table()).where(idField.eq(c.recordId())).fetchOne();
            List<String> columns = e.dataColumns();
            for (String column : c.values().keySet()) {
                if (!columns.contains(column)) {
                    throw new ChangeRefusedException("unknown_field", c.entity(), column);
                }
            }
            if (stored == null && !c.creates()) {
                throw new ChangeRefusedException("missing_record", c.entity(), c.recordId());
            }
            long ahead = millis(c.stamp()) - tx.wallClock().millis();
            if (ahead > MAX_AHEAD_MILLIS) {
                // A laptop whose clock runs far ahead would drag every clock it meets along.
                throw new ChangeRefusedException("future_stamp", c.entity(), c.recordId(), c.stamp().substring(0, 13));
            }
            if (c.values().containsKey("merged_into") && (!c.device().startsWith(MERGE_DEVICE + "-")
                    || c.recordId().equals(c.values().get("merged_into")))) {
                // Only the merge rule merges people, and never a person into themselves.
                throw new ChangeRefusedException("invalid_value", c.entity(), c.recordId());
            }
            for (var ref : e.references().entrySet()) {
                Object target = c.values().get(ref.getKey());
                if (target != null && !created.contains(ref.getValue() + "/" + target)
                        && !exists(ref.getValue(), target.toString())) {
                    throw new ChangeRefusedException("orphan", c.entity(), c.recordId(), ref.getValue(), target.toString());
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
                java.util.function.Function<String, Object> valueOf =
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
            } catch (org.jooq.exception.DataAccessException ex) {
                if (!violatesConstraint(ex)) {
                    throw ex;
                }
                // A value the schema lets through but the table does not (a CHECK, a reference
                // outside the entity's list): the package is refused, not the database broken.
                throw new ChangeRefusedException("invalid_value", c.entity(), c.recordId());
            } catch (IllegalArgumentException ex) {
                // A value the domain cannot read back, such as a personal identity number with
                // a wrong check digit (found while the search index is rebuilt).
                throw new ChangeRefusedException("invalid_value", c.entity(), c.recordId());
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
                if (cause instanceof org.sqlite.SQLiteException sqlite
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
                    throw new ChangeRefusedException("incomplete", c.entity(), c.recordId(), name);
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
        void mergeDuplicates() {
            boolean again = true;
            int rounds = 0;
            while (again) {
                again = false;
                if (++rounds > 1000) {
                    // Merges that never settle: refuse rather than hold the database forever.
                    throw new ChangeRefusedException("invalid_value", "participant", "merged_into");
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
    }

    @SuppressWarnings("unchecked")
    private static TableField<?, String> idField(Table<?> table) {
        return (TableField<?, String>) Objects.requireNonNull(table.field(Transaction.ID));
    }

    private static Object convert(Field<?> field, Object value) {
        return value == null ? null : field.getDataType().convert(value);
    }

    /** A checksum of every synchronised row (with its stamps) and every open version: equal databases, equal sums. */
    public String contentChecksum() {
        return db.read(dsl -> {
            java.security.MessageDigest digest;
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
            for (Entity e : SyncEntities.all()) {
                for (Record r : dsl.selectFrom(e.table()).orderBy(e.table().field(Transaction.ID)).fetch()) {
                    digest.update(r.formatCSV(false).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            for (Record r : dsl.selectFrom(FIELD_HEAD).orderBy(FIELD_HEAD.fields()).fetch()) {
                digest.update(r.formatCSV(false).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        });
    }

    private static final String KEY_SYNC_FOLDER = "sync_folder";

    /** Whether this database has a change already (the same change, whichever device brought it). */
    public boolean known(Transaction tx, Change c) {
        return tx.dsl().fetchExists(CHANGE_LOG, CHANGE_LOG.ENTITY.eq(c.entity()), CHANGE_LOG.RECORD_ID.eq(c.recordId()),
                CHANGE_LOG.NEW_STAMP.eq(c.stamp()));
    }

    /** The folder packages are exchanged through on this laptop (a USB stick, a share), if chosen. */
    public java.util.Optional<String> syncFolder() {
        var state = se.jobbtorg.coach.store.generated.Tables.LOCAL_STATE;
        return db.read(dsl -> dsl.select(state.VALUE).from(state).where(state.KEY.eq(KEY_SYNC_FOLDER))
                .fetchOptional(state.VALUE));
    }

    public void setSyncFolder(String folder) {
        var state = se.jobbtorg.coach.store.generated.Tables.LOCAL_STATE;
        db.write(tx -> tx.dsl().insertInto(state).set(state.KEY, KEY_SYNC_FOLDER).set(state.VALUE, folder)
                .onConflict(state.KEY).doUpdate().set(state.VALUE, folder).execute());
    }

    /**
     * Who a record is about, for a person deciding a conflict: the participant's name (and the
     * enrolment date for an enrolment and what belongs to it), or the coach's name.
     */
    public String describe(String entity, String id) {
        String sql = switch (entity) {
            case "participant" -> "select first_name || ' ' || last_name from participant where id = ?";
            case "coach" -> "select name from coach where id = ?";
            case "enrolment" -> "select p.first_name || ' ' || p.last_name || ', ' || e.enrolled_on from enrolment e"
                    + " join participant p on p.id = e.participant_id where e.id = ?";
            case "activity_plan" -> "select p.first_name || ' ' || p.last_name || ', ' || e.enrolled_on"
                    + " from activity_plan x join enrolment e on e.id = x.enrolment_id"
                    + " join participant p on p.id = e.participant_id where x.id = ?";
            case "activity" -> "select p.first_name || ' ' || p.last_name || ', ' || e.enrolled_on from activity a"
                    + " join activity_plan x on x.id = a.plan_id join enrolment e on e.id = x.enrolment_id"
                    + " join participant p on p.id = e.participant_id where a.id = ?";
            default -> null;
        };
        if (sql == null) {
            return id;
        }
        String described = db.read(dsl -> dsl.fetchOptional(sql, id).map(r -> r.get(0, String.class)).orElse(null));
        return described != null ? described : id;
    }

    /** Records a set of ids for tests and screens: the ids of every live record of an entity. */
    public Set<String> liveIds(String entity) {
        Entity e = SyncEntities.byName(entity).orElseThrow();
        return db.read(dsl -> new LinkedHashSet<>(dsl.select(idField(e.table())).from(e.table())
                .where(DSL.field(Transaction.DELETED, Integer.class).eq(0)).fetch(0, String.class)));
    }
}

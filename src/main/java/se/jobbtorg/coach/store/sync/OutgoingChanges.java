package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.FieldHistory;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.SyncEntities.Entity;
import se.jobbtorg.coach.store.Transaction;

/**
 * The changes to send: slices of this database's change log, as a package carries them. A
 * package is written while the log is read, a page at a time, so an export holds a page of
 * changes in memory however long the log (src/docs/caseload-package.md, Writing a package).
 */
public final class OutgoingChanges {
    /** Log rows read at once: well inside any database's limit on bound values. */
    static final int PAGE = 500;

    private final Database db;

    public OutgoingChanges(Database db) {
        this.db = db;
    }

    /**
     * What a package carries, read entity by entity while it is written: the producer's log
     * after {@code from} up to {@code to}, and {@code received}, what this device has of others.
     */
    public interface Changes {
        long from();

        long to();

        Map<String, Long> received();

        /** How many lines there are at most, for progress. */
        long size();

        /** The entity's lines in log order, one at a time. */
        void forEach(Entity entity, Lines lines) throws IOException;
    }

    /** Takes one line of a package. */
    @FunctionalInterface
    public interface Lines {
        void accept(Change change) throws IOException;
    }

    /** Work done on a package's changes while they can be read. */
    @FunctionalInterface
    public interface Reading {
        void read(Changes changes) throws IOException;
    }

    /** Changes to be read: every entity's lines come from one consistent view of the log. */
    @FunctionalInterface
    public interface Source {
        void read(Reading reading) throws IOException;
    }

    /** A slice of the log held in memory: a small package, or one a test makes. */
    public record Slice(long from, long to, List<Change> changes, Map<String, Long> received) implements Changes {
        @Override
        public long size() {
            return changes.size();
        }

        @Override
        public void forEach(Entity entity, Lines lines) throws IOException {
            for (Change c : changes) {
                if (c.entity().equals(entity.name())) {
                    lines.accept(c);
                }
            }
        }

        public Source source() {
            return reading -> reading.read(this);
        }
    }

    /** The changes logged here after seq (this device's own and those it received), in log order, in memory. */
    public Slice changesAfter(long seq) {
        return db.read(dsl -> {
            long to = Transaction.lastSeq(dsl);
            List<Change> changes = new ArrayList<>();
            for (Record r : dsl.selectFrom(CHANGE_LOG)
                    .where(CHANGE_LOG.SEQ.gt((int) seq))
                    .orderBy(CHANGE_LOG.SEQ)
                    .fetch()) {
                Change c = toChange(r);
                if (c != null) {
                    changes.add(c);
                }
            }
            return new Slice(seq, to, changes, Peers.receivedThrough(dsl));
        });
    }

    /**
     * A snapshot: every change of the log, each with only the values a new device needs (the
     * versions still shown or in conflict; {@link CurrentVersions}). {@code leaveOut}: a device
     * whose own changes stay out (it has them), or null.
     */
    public Source snapshot(String leaveOut) {
        return reading -> read(0, true, leaveOut, reading);
    }

    /** A delta: each change after {@code seq} whole, as it was logged. */
    public Source delta(long seq, String leaveOut) {
        return reading -> read(seq, false, leaveOut, reading);
    }

    /**
     * A package for one coach's device: only what the coach may see ({@link NeedToKnow}), after
     * what the device has acknowledged. {@code planned} hears what it holds, for
     * {@link NeedToKnow#sent} once the package is written.
     */
    public Source forCoach(String peer, String coach, long acknowledged, Consumer<NeedToKnow.Plan> planned) {
        return reading -> read(
                dsl -> {
                    NeedToKnow.Plan plan = NeedToKnow.plan(dsl, peer, coach, acknowledged);
                    planned.accept(plan);
                    return new Filtered(dsl, plan, Transaction.lastSeq(dsl), Peers.receivedThrough(dsl));
                },
                reading);
    }

    private void read(long after, boolean current, String leaveOut, Reading reading) throws IOException {
        read(
                dsl -> new Log(dsl, after, Transaction.lastSeq(dsl), Peers.receivedThrough(dsl), current, leaveOut),
                reading);
    }

    private void read(Function<DSLContext, Changes> open, Reading reading) throws IOException {
        try {
            // One read transaction: every entity (and every look into a record's history) sees
            // the log as it stood when the export began, whatever is written meanwhile.
            db.read(dsl -> {
                try {
                    reading.read(open.apply(dsl));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The log as a coach's device may see it: the team's coaches and the purges as any delta
     * carries them; the plan's records whole, since the acknowledgement, or as they stand; no
     * audit trail (it goes to team leads only).
     */
    private record Filtered(DSLContext dsl, NeedToKnow.Plan plan, long to, Map<String, Long> received)
            implements Changes {
        @Override
        public long from() {
            return plan.acknowledged();
        }

        @Override
        public long size() {
            // For progress only: the records' rows are a small part of a lead's log.
            return plan.history().size() + plan.since().size() + plan.leaving().size();
        }

        @Override
        public void forEach(Entity entity, Lines lines) throws IOException {
            if (SyncEntities.isTrail(entity)) {
                return;
            }
            long from = plan.acknowledged();
            if (entity.references().isEmpty()) {
                // The coaches and the purges: the team's, not any person's case.
                new Log(dsl, from, to, received, false, plan.peer()).forEach(entity, lines);
                return;
            }
            // A record the device has not had goes whole, its own changes too (it may have let
            // go of its copy); what it has goes as changed since, without what it made itself.
            Log whole = new Log(dsl, 0, to, received, true, null);
            whole.emit(entity, seqs(entity, plan.history(), 0), lines);
            whole.emit(entity, seqs(entity, plan.leaving(), 0), lines);
            new Log(dsl, from, to, received, false, plan.peer()).emit(entity, seqs(entity, plan.since(), from), lines);
        }

        /** The log's rows of these records after a sequence number, in log order. */
        private List<Integer> seqs(Entity entity, Set<String> records, long after) {
            List<Integer> seqs = new ArrayList<>();
            List<String> ids = List.copyOf(records);
            for (int i = 0; i < ids.size(); i += PAGE) {
                seqs.addAll(dsl.select(CHANGE_LOG.SEQ)
                        .from(CHANGE_LOG)
                        .where(
                                CHANGE_LOG.ENTITY.eq(entity.name()),
                                CHANGE_LOG.RECORD_ID.in(ids.subList(i, Math.min(ids.size(), i + PAGE))),
                                CHANGE_LOG.SEQ.gt((int) after),
                                CHANGE_LOG.SEQ.le((int) to))
                        .fetch(CHANGE_LOG.SEQ));
            }
            Collections.sort(seqs);
            return seqs;
        }
    }

    /** The log in the store, read a page at a time. */
    private record Log(DSLContext dsl, long from, long to, Map<String, Long> received, boolean current, String leaveOut)
            implements Changes {

        @Override
        public long size() {
            // At most this many: retention takes a purged person's rows out of the log, so the
            // numbers can have gaps. Used only to show how far an export has come.
            return to - from;
        }

        @Override
        public void forEach(Entity entity, Lines lines) throws IOException {
            // Only the sequence numbers are sorted (the database may sort them in a temporary
            // file: numbers, never a person's data); the rows are then read a page at a time.
            try (Cursor<Record1<Integer>> seqs = dsl.select(CHANGE_LOG.SEQ)
                    .from(CHANGE_LOG)
                    .where(CHANGE_LOG.ENTITY.eq(entity.name()), CHANGE_LOG.SEQ.gt((int) from), CHANGE_LOG.SEQ.le((int)
                            to))
                    .orderBy(CHANGE_LOG.SEQ)
                    .fetchSize(PAGE)
                    .fetchLazy()) {
                List<Integer> page = new ArrayList<>(PAGE);
                for (Record1<Integer> seq : seqs) {
                    page.add(seq.value1());
                    if (page.size() == PAGE) {
                        emitPage(entity, page, lines);
                        page.clear();
                    }
                }
                emitPage(entity, page, lines);
            }
        }

        /** Writes the rows with these sequence numbers, a page at a time. */
        void emit(Entity entity, List<Integer> seqs, Lines lines) throws IOException {
            for (int i = 0; i < seqs.size(); i += PAGE) {
                emitPage(entity, seqs.subList(i, Math.min(seqs.size(), i + PAGE)), lines);
            }
        }

        private void emitPage(Entity entity, List<Integer> seqs, Lines lines) throws IOException {
            if (seqs.isEmpty()) {
                return;
            }
            List<Change> page = new ArrayList<>(seqs.size());
            for (var r : dsl.select(
                            CHANGE_LOG.ENTITY,
                            CHANGE_LOG.RECORD_ID,
                            CHANGE_LOG.NEW_STAMP,
                            CHANGE_LOG.BASE_STAMP,
                            CHANGE_LOG.DEVICE_ID,
                            CHANGE_LOG.DELETED,
                            CHANGE_LOG.FIELD_VALUES,
                            CHANGE_LOG.FIELD_BASES)
                    .from(CHANGE_LOG)
                    .where(CHANGE_LOG.SEQ.in(seqs))
                    .orderBy(CHANGE_LOG.SEQ)
                    .fetch()) {
                page.add(toChange(
                        entity,
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6() == 1,
                        r.value7(),
                        r.value8()));
            }
            if (current) {
                page = CurrentVersions.of(dsl, entity, page);
            }
            for (Change c : page) {
                if (leaveOut == null || !c.device().equals(leaveOut)) {
                    lines.accept(c);
                }
            }
        }
    }

    private static Change toChange(Record r) {
        return SyncEntities.byName(r.get(CHANGE_LOG.ENTITY))
                .map(e -> toChange(
                        e,
                        r.get(CHANGE_LOG.RECORD_ID),
                        r.get(CHANGE_LOG.NEW_STAMP),
                        r.get(CHANGE_LOG.BASE_STAMP),
                        r.get(CHANGE_LOG.DEVICE_ID),
                        r.get(CHANGE_LOG.DELETED) == 1,
                        r.get(CHANGE_LOG.FIELD_VALUES),
                        r.get(CHANGE_LOG.FIELD_BASES)))
                .orElse(null);
    }

    /** A logged change as a package carries it: no derived fields, and bases only for the fields it sets. */
    private static Change toChange(
            Entity e,
            String id,
            String stamp,
            String base,
            String device,
            boolean deleted,
            String fieldValues,
            String fieldBases) {
        Map<String, Object> values = new LinkedHashMap<>();
        FieldHistory.readValues(fieldValues).forEach((k, v) -> {
            if (!k.equals(Transaction.DELETED) && !e.derived().contains(k)) {
                values.put(k, v);
            }
        });
        Map<String, List<String>> bases = new LinkedHashMap<>(FieldHistory.readBases(fieldBases));
        bases.keySet().retainAll(values.keySet());
        return new Change(e.name(), id, stamp, base, device, deleted, values, bases);
    }
}

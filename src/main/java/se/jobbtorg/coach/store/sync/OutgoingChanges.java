package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.FieldHistory;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.SyncEntities.Entity;
import se.jobbtorg.coach.store.Transaction;

/** The changes to send: slices of this database's change log, as a package carries them. */
public final class OutgoingChanges {
    private final Database db;

    public OutgoingChanges(Database db) {
        this.db = db;
    }

    /** A slice of the log: what a package carries. {@code received} is what this device has of others. */
    public record Slice(long from, long to, List<Change> changes, Map<String, Long> received) {}

    /** The changes logged here after seq (this device's own and those it received), in log order. */
    public Slice changesAfter(long seq) {
        return db.read(dsl -> {
            long to = lastSeq(dsl);
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

    private static long lastSeq(DSLContext dsl) {
        Integer seq = dsl.select(DSL.max(CHANGE_LOG.SEQ)).from(CHANGE_LOG).fetchOne(0, Integer.class);
        return seq == null ? 0 : seq;
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
        return new Change(
                entity,
                r.get(CHANGE_LOG.RECORD_ID),
                r.get(CHANGE_LOG.NEW_STAMP),
                r.get(CHANGE_LOG.BASE_STAMP),
                r.get(CHANGE_LOG.DEVICE_ID),
                r.get(CHANGE_LOG.DELETED) == 1,
                values,
                bases);
    }
}

package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.CHANGE_LOG;
import static se.jobbtorg.coach.store.generated.Tables.LOCAL_STATE;
import static se.jobbtorg.coach.store.generated.Tables.SYNC_PEER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Rectification (decision 0014): after a person's details are corrected, the old values stay in
 * the change log, where the merge keeps every version. Once the correction has reached every
 * peer (each has acknowledged this database's log past it, or made it), or once it is older than
 * a period, the values it replaced are blanked in the log: the field goes from the old change's
 * values, while its stamp, its bases and the fields it set stay, which is all the merge needs of
 * a version no longer shown (a version seen by a later change is never shown again, and its
 * value is never asked for). The personal identity number the person was registered with stays:
 * it is the key of "one person, one record" on every device.
 */
public final class Rectification {
    /** The field of the registration every device derives the person's key from. */
    private static final String REGISTERED = "personal_number";

    private static final String PARTICIPANT = "participant";

    private static final se.jobbtorg.coach.store.generated.tables.Participant PARTICIPANT_TABLE =
            se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

    /** local_state: the log's sequence number up to which every correction is settled and blanked. */
    private static final String THROUGH = "rectified_through";

    private Rectification() {}

    /**
     * Blanks, in the transaction, the participants' values replaced by a correction that every
     * peer has or that was made before {@code cutoff}. Returns how many values were blanked.
     *
     * <p>Whether a correction is settled only changes one way (acknowledgements and time only
     * grow), so the log is read from where the last run left off: up to there every correction
     * was settled and its old values are blanked ({@code rectified_through} in local_state).
     */
    public static int blank(Transaction tx, Instant cutoff) {
        DSLContext dsl = tx.dsl();
        // How far each peer has this database's log: a correction at or below it, that peer has.
        Map<String, Long> peers = new HashMap<>();
        dsl.select(SYNC_PEER.DEVICE_ID, SYNC_PEER.ACKNOWLEDGED)
                .from(SYNC_PEER)
                .forEach(p -> peers.put(p.value1(), (long) p.value2()));
        // Stamps begin with their time in epoch milliseconds, 13 digits.
        String before = String.format("%013d", cutoff.toEpochMilli());
        long done = dsl.select(LOCAL_STATE.VALUE)
                .from(LOCAL_STATE)
                .where(LOCAL_STATE.KEY.eq(THROUGH))
                .fetchOptional(LOCAL_STATE.VALUE)
                .map(Long::parseLong)
                .orElse(0L);
        long through = Transaction.lastSeq(dsl);
        // The people whose log grew since then: a correction may have come in, or been
        // acknowledged, or an old version that a settled correction had seen may have arrived late.
        // Only people with more than one change can have a value replaced: one query finds them
        // (a city's first snapshot touches every person, and most have one change).
        var since = CHANGE_LOG.as("since");
        List<String> touched = dsl.select(CHANGE_LOG.RECORD_ID)
                .from(CHANGE_LOG)
                .where(
                        CHANGE_LOG.ENTITY.eq(PARTICIPANT),
                        CHANGE_LOG.RECORD_ID.in(DSL.select(since.RECORD_ID)
                                .from(since)
                                .where(since.ENTITY.eq(PARTICIPANT), since.SEQ.gt((int) done))))
                .groupBy(CHANGE_LOG.RECORD_ID)
                .having(DSL.count().gt(1))
                .fetch(CHANGE_LOG.RECORD_ID);
        int[] blanked = {0};
        for (String id : touched) {
            through = Math.min(through, blankRecord(dsl, id, peers, before, blanked));
        }
        String value = String.valueOf(Math.max(done, through));
        dsl.insertInto(LOCAL_STATE)
                .set(LOCAL_STATE.KEY, THROUGH)
                .set(LOCAL_STATE.VALUE, value)
                .onConflict(LOCAL_STATE.KEY)
                .doUpdate()
                .set(LOCAL_STATE.VALUE, value)
                .execute();
        return blanked[0];
    }

    private record Row(
            long seq, String stamp, String device, Map<String, Object> values, Map<String, List<String>> bases) {}

    /**
     * Takes out of the record's changes the values its settled corrections replaced (counted in
     * {@code blanked}). Returns the sequence number before its first correction not yet settled,
     * or the largest there is.
     */
    private static long blankRecord(DSLContext dsl, String id, Map<String, Long> peers, String before, int[] blanked) {
        List<Row> rows = new ArrayList<>();
        dsl.select(
                        CHANGE_LOG.SEQ,
                        CHANGE_LOG.NEW_STAMP,
                        CHANGE_LOG.DEVICE_ID,
                        CHANGE_LOG.FIELD_VALUES,
                        CHANGE_LOG.FIELD_BASES)
                .from(CHANGE_LOG)
                .where(CHANGE_LOG.ENTITY.eq(PARTICIPANT), CHANGE_LOG.RECORD_ID.eq(id))
                .orderBy(CHANGE_LOG.NEW_STAMP)
                .forEach(r -> rows.add(new Row(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        FieldHistory.readValues(r.value4()),
                        FieldHistory.readBases(r.value5()))));
        long unsettled = Long.MAX_VALUE;
        // Which versions of which fields a settled correction has seen.
        Map<String, Set<String>> replaced = new HashMap<>();
        for (Row r : rows) {
            if (r.bases().isEmpty()) {
                continue;
            }
            boolean settled = r.stamp().compareTo(before) < 0
                    || peers.entrySet().stream()
                            .allMatch(p -> p.getValue() >= r.seq() || p.getKey().equals(r.device()));
            if (!settled) {
                unsettled = Math.min(unsettled, r.seq() - 1);
                continue;
            }
            r.bases()
                    .forEach((field, stamps) -> stamps.forEach(s ->
                            replaced.computeIfAbsent(s, k -> new HashSet<>()).add(field)));
        }
        if (rows.isEmpty()) {
            return unsettled;
        }
        String first = rows.get(0).stamp();
        Record shown = dsl.selectFrom(PARTICIPANT_TABLE)
                .where(PARTICIPANT_TABLE.ID.eq(id))
                .fetchOne();
        for (Row r : rows) {
            Map<String, Object> kept = new LinkedHashMap<>(r.values());
            boolean creation = r.stamp().equals(first);
            for (String f : replaced.getOrDefault(r.stamp(), Set.of())) {
                if (!kept.containsKey(f) || creation && f.equals(REGISTERED)) {
                    continue; // the number as registered: every device's key of the person
                }
                if (creation) {
                    // A creation makes the whole record wherever it goes: it keeps the field,
                    // with the value shown now (as a snapshot carries it), not the old one.
                    // A field emptied since is left out, as a snapshot leaves it out.
                    Object now = shown == null ? null : FieldHistory.normalise(shown.get(f));
                    if (Objects.equals(now, kept.get(f))) {
                        continue;
                    }
                    if (now == null) {
                        kept.remove(f);
                    } else {
                        kept.put(f, now);
                    }
                } else {
                    kept.remove(f);
                }
                blanked[0]++;
            }
            if (!kept.equals(r.values())) {
                dsl.update(CHANGE_LOG)
                        .set(CHANGE_LOG.FIELD_VALUES, FieldHistory.writeValues(kept))
                        .where(CHANGE_LOG.SEQ.eq((int) r.seq()))
                        .execute();
            }
        }
        return unsettled;
    }
}

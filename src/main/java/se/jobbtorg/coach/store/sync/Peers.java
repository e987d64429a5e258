package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.SYNC_IMPORT;
import static se.jobbtorg.coach.store.generated.Tables.SYNC_PEER;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.Transaction;

/** The other devices met through packages: how far each has our log and we theirs, and what came in. */
public final class Peers {
    private final Database db;

    public Peers(Database db) {
        this.db = db;
    }

    /**
     * How far this database has the log of another device, and how far that device has ours;
     * its user's coach id and role as its packages state them (null before format version 3).
     */
    public record PeerProgress(
            String deviceId,
            String label,
            long receivedThrough,
            long acknowledged,
            String lastExchange,
            String coachId,
            String role) {}

    public List<PeerProgress> all() {
        return db.read(dsl -> dsl.selectFrom(SYNC_PEER)
                .orderBy(SYNC_PEER.LABEL, SYNC_PEER.DEVICE_ID)
                .fetch(p -> new PeerProgress(
                        p.getDeviceId(),
                        p.getLabel(),
                        p.getReceivedThrough(),
                        p.getAcknowledged(),
                        p.getLastExchange(),
                        p.getCoachId(),
                        p.getRole())));
    }

    public static PeerProgress of(Transaction tx, String deviceId) {
        var p = tx.dsl()
                .selectFrom(SYNC_PEER)
                .where(SYNC_PEER.DEVICE_ID.eq(deviceId))
                .fetchOne();
        return p == null
                ? new PeerProgress(deviceId, null, 0, 0, null, null, null)
                : new PeerProgress(
                        deviceId,
                        p.getLabel(),
                        p.getReceivedThrough(),
                        p.getAcknowledged(),
                        p.getLastExchange(),
                        p.getCoachId(),
                        p.getRole());
    }

    /**
     * How far a team lead's device has this database's log: the furthest any has acknowledged,
     * or null if no device known to be a lead's has acknowledged anything.
     */
    /** The devices whose packages say their user is a team lead. */
    public static Set<String> leads(Transaction tx) {
        return new HashSet<>(tx.dsl()
                .select(SYNC_PEER.DEVICE_ID)
                .from(SYNC_PEER)
                .where(SYNC_PEER.ROLE.eq(Role.TEAM_LEAD.code()))
                .fetch(SYNC_PEER.DEVICE_ID));
    }

    public static Long leadAcknowledged(Transaction tx) {
        Integer seq = tx.dsl()
                .select(DSL.max(SYNC_PEER.ACKNOWLEDGED))
                .from(SYNC_PEER)
                .where(SYNC_PEER.ROLE.eq(Role.TEAM_LEAD.code()), SYNC_PEER.ACKNOWLEDGED.gt(0))
                .fetchOne(0, Integer.class);
        return seq == null ? null : seq.longValue();
    }

    /** What this device has of every other device's log. */
    public Map<String, Long> receivedThrough() {
        return db.read(Peers::receivedThrough);
    }

    static Map<String, Long> receivedThrough(DSLContext dsl) {
        Map<String, Long> map = new LinkedHashMap<>();
        dsl.selectFrom(SYNC_PEER)
                .orderBy(SYNC_PEER.DEVICE_ID)
                .forEach(p -> map.put(p.getDeviceId(), (long) p.getReceivedThrough()));
        return map;
    }

    /**
     * Notes what a package from a peer brought and what it says the peer has of ours, and the
     * peer's user and role if it states them.
     */
    public static void recordExchange(
            Transaction tx,
            String peer,
            String label,
            long receivedThrough,
            long acknowledged,
            String coachId,
            String role) {
        PeerProgress old = of(tx, peer);
        String coach = coachId != null ? coachId : old.coachId();
        String roleNow = role != null ? role : old.role();
        tx.dsl()
                .insertInto(SYNC_PEER)
                .set(SYNC_PEER.DEVICE_ID, peer)
                .set(SYNC_PEER.LABEL, label != null ? label : old.label())
                .set(SYNC_PEER.RECEIVED_THROUGH, (int) Math.max(old.receivedThrough(), receivedThrough))
                .set(SYNC_PEER.ACKNOWLEDGED, (int) Math.max(old.acknowledged(), acknowledged))
                .set(SYNC_PEER.LAST_EXCHANGE, tx.wallClock().instant().toString())
                .set(SYNC_PEER.COACH_ID, coach)
                .set(SYNC_PEER.ROLE, roleNow)
                .onConflict(SYNC_PEER.DEVICE_ID)
                .doUpdate()
                .set(SYNC_PEER.LABEL, label != null ? label : old.label())
                .set(SYNC_PEER.RECEIVED_THROUGH, (int) Math.max(old.receivedThrough(), receivedThrough))
                .set(SYNC_PEER.ACKNOWLEDGED, (int) Math.max(old.acknowledged(), acknowledged))
                .set(SYNC_PEER.LAST_EXCHANGE, tx.wallClock().instant().toString())
                .set(SYNC_PEER.COACH_ID, coach)
                .set(SYNC_PEER.ROLE, roleNow)
                .execute();
    }

    /**
     * Whether this package (by id, from this producer, of this kind and range) was imported
     * here: noted in the transaction that applied it whole, so every change of it is here.
     */
    public static boolean imported(Transaction tx, String packageId, String producer, String kind, long from, long to) {
        return imported(tx.dsl(), packageId, producer, kind, from, to);
    }

    /** {@link #imported(Transaction, String, String, String, long, long)}, asked outside a transaction. */
    public boolean imported(String packageId, String producer, String kind, long from, long to) {
        return db.read(dsl -> imported(dsl, packageId, producer, kind, from, to));
    }

    private static boolean imported(
            DSLContext dsl, String packageId, String producer, String kind, long from, long to) {
        return dsl.fetchExists(
                SYNC_IMPORT,
                SYNC_IMPORT.PACKAGE_ID.eq(packageId),
                SYNC_IMPORT.PRODUCER.eq(producer),
                SYNC_IMPORT.KIND.eq(kind),
                SYNC_IMPORT.SEQ_FROM.eq((int) from),
                SYNC_IMPORT.SEQ_TO.eq((int) to));
    }

    /** Notes a package imported: which, from whom, and what it did. */
    public static void recordImport(
            Transaction tx,
            String packageId,
            String producer,
            String kind,
            long from,
            long to,
            MergeApplier.Counts counts) {
        tx.dsl()
                .insertInto(SYNC_IMPORT)
                .set(SYNC_IMPORT.PACKAGE_ID, packageId)
                .set(SYNC_IMPORT.PRODUCER, producer)
                .set(SYNC_IMPORT.KIND, kind)
                .set(SYNC_IMPORT.SEQ_FROM, (int) from)
                .set(SYNC_IMPORT.SEQ_TO, (int) to)
                .set(SYNC_IMPORT.IMPORTED_AT, tx.wallClock().instant().toString())
                .set(SYNC_IMPORT.NEW_RECORDS, counts.created())
                .set(SYNC_IMPORT.UPDATED, counts.updated())
                .set(SYNC_IMPORT.UNCHANGED, counts.unchanged())
                .set(SYNC_IMPORT.CONFLICTS, counts.conflicts())
                .onConflictDoNothing()
                .execute();
    }
}

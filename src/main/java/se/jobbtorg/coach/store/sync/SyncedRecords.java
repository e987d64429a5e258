package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.FIELD_HEAD;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jooq.Record;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.SyncEntities;
import se.jobbtorg.coach.store.SyncEntities.Entity;
import se.jobbtorg.coach.store.Transaction;

/** What a database holds of the synchronised records, summed up: for checks that two laptops agree. */
public final class SyncedRecords {
    private final Database db;

    public SyncedRecords(Database db) {
        this.db = db;
    }

    /**
     * A checksum of every case record (with its stamps) and every open version: equal databases,
     * equal sums. Not of the audit trail: each laptop also holds the entries of its own latest
     * imports until its next package carries them.
     */
    public String contentChecksum() {
        return db.read(dsl -> {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
            for (Entity e : SyncEntities.records()) {
                for (Record r : dsl.selectFrom(e.table())
                        .orderBy(e.table().field(Transaction.ID))
                        .fetch()) {
                    digest.update(r.formatCSV(false).getBytes(StandardCharsets.UTF_8));
                }
            }
            for (Record r :
                    dsl.selectFrom(FIELD_HEAD).orderBy(FIELD_HEAD.fields()).fetch()) {
                digest.update(r.formatCSV(false).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        });
    }

    /** The ids of every live record of an entity. */
    public Set<String> liveIds(String entity) {
        Entity e = SyncEntities.byName(entity).orElseThrow();
        return db.read(dsl -> new LinkedHashSet<>(dsl.select(MergeApplier.idField(e.table()))
                .from(e.table())
                .where(DSL.field(Transaction.DELETED, Integer.class).eq(0))
                .fetch(0, String.class)));
    }
}

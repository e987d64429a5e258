package se.jobbtorg.coach.store.sync;

import static se.jobbtorg.coach.store.generated.Tables.DEVICE_SEEN;
import static se.jobbtorg.coach.store.generated.Tables.DEVICE_STATEMENT;
import static se.jobbtorg.coach.store.generated.Tables.TEAM_SECRET;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.DeviceKeys;
import se.jobbtorg.coach.store.Transaction;

/**
 * The team's devices as this database knows them (schema version 6): the signed statements
 * admitting or withdrawing devices, the devices whose packages were seen, this device's keys and
 * the team passphrase. None of it is a synchronised record; statements travel in packages.
 */
public final class DeviceRegistry {
    private static final String TEAM_PASSPHRASE = "team_passphrase";

    /** A statement as stored; see sync.DeviceStatement for what it means and how it is signed. */
    public record Statement(
            String subject,
            String status,
            String signingKey,
            String agreementKey,
            String label,
            String decidedBy,
            String deciderKey,
            String stamp,
            String signature) {}

    /** A device whose package was seen here: what a person needs to admit it. */
    public record Seen(String deviceId, String label, String signingKey, String agreementKey, String lastSeen) {}

    private final Database db;

    public DeviceRegistry(Database db) {
        this.db = db;
    }

    public DeviceKeys.Pair signingKeys() {
        return DeviceKeys.read(db, DeviceKeys.SIGNING);
    }

    public DeviceKeys.Pair agreementKeys() {
        return DeviceKeys.read(db, DeviceKeys.AGREEMENT);
    }

    public List<Statement> statements() {
        return db.read(this::statements);
    }

    public List<Statement> statements(Transaction tx) {
        return statements(tx.dsl());
    }

    private List<Statement> statements(DSLContext dsl) {
        return dsl.selectFrom(DEVICE_STATEMENT)
                .orderBy(DEVICE_STATEMENT.STAMP, DEVICE_STATEMENT.DECIDED_BY)
                .fetch(r -> new Statement(
                        r.getSubject(),
                        r.getStatus(),
                        r.getSigningKey(),
                        r.getAgreementKey(),
                        r.getLabel(),
                        r.getDecidedBy(),
                        r.getDeciderKey(),
                        r.getStamp(),
                        r.getSignature()));
    }

    /** Keeps a statement (once: the same decision relayed twice is one row). */
    public void add(Transaction tx, Statement s) {
        tx.dsl()
                .insertInto(DEVICE_STATEMENT)
                .set(DEVICE_STATEMENT.SUBJECT, s.subject())
                .set(DEVICE_STATEMENT.STATUS, s.status())
                .set(DEVICE_STATEMENT.SIGNING_KEY, s.signingKey())
                .set(DEVICE_STATEMENT.AGREEMENT_KEY, s.agreementKey())
                .set(DEVICE_STATEMENT.LABEL, s.label())
                .set(DEVICE_STATEMENT.DECIDED_BY, s.decidedBy())
                .set(DEVICE_STATEMENT.DECIDER_KEY, s.deciderKey())
                .set(DEVICE_STATEMENT.STAMP, s.stamp())
                .set(DEVICE_STATEMENT.SIGNATURE, s.signature())
                .onConflictDoNothing()
                .execute();
    }

    public void add(Statement s) {
        db.write(tx -> {
            add(tx, s);
            return null;
        });
    }

    public List<Seen> seen() {
        return db.read(dsl -> dsl.selectFrom(DEVICE_SEEN)
                .orderBy(DEVICE_SEEN.LABEL, DEVICE_SEEN.DEVICE_ID)
                .fetch(r -> new Seen(
                        r.getDeviceId(), r.getLabel(), r.getSigningKey(), r.getAgreementKey(), r.getLastSeen())));
    }

    public Optional<Seen> seen(String deviceId) {
        return db.read(dsl -> dsl.selectFrom(DEVICE_SEEN)
                .where(DEVICE_SEEN.DEVICE_ID.eq(deviceId))
                .fetchOptional(r -> new Seen(
                        r.getDeviceId(), r.getLabel(), r.getSigningKey(), r.getAgreementKey(), r.getLastSeen())));
    }

    /** Notes a device's package: its name and keys as the package gave them (a key it did not give stays). */
    public void saw(Transaction tx, Seen s) {
        tx.dsl()
                .insertInto(DEVICE_SEEN)
                .set(DEVICE_SEEN.DEVICE_ID, s.deviceId())
                .set(DEVICE_SEEN.LABEL, s.label())
                .set(DEVICE_SEEN.SIGNING_KEY, s.signingKey())
                .set(DEVICE_SEEN.AGREEMENT_KEY, s.agreementKey())
                .set(DEVICE_SEEN.LAST_SEEN, s.lastSeen())
                .onConflict(DEVICE_SEEN.DEVICE_ID)
                .doUpdate()
                .set(DEVICE_SEEN.LABEL, DSL.coalesce(DSL.val(s.label()), DEVICE_SEEN.LABEL))
                .set(DEVICE_SEEN.SIGNING_KEY, DSL.coalesce(DSL.val(s.signingKey()), DEVICE_SEEN.SIGNING_KEY))
                .set(DEVICE_SEEN.AGREEMENT_KEY, DSL.coalesce(DSL.val(s.agreementKey()), DEVICE_SEEN.AGREEMENT_KEY))
                .set(DEVICE_SEEN.LAST_SEEN, s.lastSeen())
                .execute();
    }

    public void saw(Seen s) {
        db.write(tx -> {
            saw(tx, s);
            return null;
        });
    }

    public Optional<String> teamPassphrase() {
        return db.read(dsl -> dsl.select(TEAM_SECRET.VALUE)
                .from(TEAM_SECRET)
                .where(TEAM_SECRET.NAME.eq(TEAM_PASSPHRASE))
                .fetchOptional(TEAM_SECRET.VALUE));
    }

    /** Sets the team passphrase, or with null removes it. */
    public void setTeamPassphrase(String passphrase) {
        db.write(tx -> {
            if (passphrase == null) {
                tx.dsl()
                        .deleteFrom(TEAM_SECRET)
                        .where(TEAM_SECRET.NAME.eq(TEAM_PASSPHRASE))
                        .execute();
            } else {
                tx.dsl()
                        .insertInto(TEAM_SECRET)
                        .set(TEAM_SECRET.NAME, TEAM_PASSPHRASE)
                        .set(TEAM_SECRET.VALUE, passphrase)
                        .onConflict(TEAM_SECRET.NAME)
                        .doUpdate()
                        .set(TEAM_SECRET.VALUE, passphrase)
                        .execute();
            }
            return null;
        });
    }
}

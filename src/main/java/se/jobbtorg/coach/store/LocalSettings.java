package se.jobbtorg.coach.store;

import static se.jobbtorg.coach.store.generated.Tables.LOCAL_STATE;

import java.util.Arrays;
import java.util.Optional;
import se.jobbtorg.coach.domain.Role;

/**
 * Settings of this laptop kept in its database (local_state), which never travel in a package.
 * The window's own settings (size, language) live in app/Settings, outside the database.
 */
public final class LocalSettings {
    private static final String KEY_SYNC_FOLDER = "sync_folder";
    private static final String KEY_ROLE = "role";
    private static final String KEY_COACH_PHONE = "coach_phone";
    private static final String KEY_COACH_EMAIL = "coach_email";

    private final Database db;

    public LocalSettings(Database db) {
        this.db = db;
    }

    /** The folder packages are exchanged through on this laptop (a USB stick, a share), if chosen. */
    public Optional<String> syncFolder() {
        return db.read(dsl -> dsl.select(LOCAL_STATE.VALUE)
                .from(LOCAL_STATE)
                .where(LOCAL_STATE.KEY.eq(KEY_SYNC_FOLDER))
                .fetchOptional(LOCAL_STATE.VALUE));
    }

    public void setSyncFolder(String folder) {
        db.write(tx -> tx.dsl()
                .insertInto(LOCAL_STATE)
                .set(LOCAL_STATE.KEY, KEY_SYNC_FOLDER)
                .set(LOCAL_STATE.VALUE, folder)
                .onConflict(LOCAL_STATE.KEY)
                .doUpdate()
                .set(LOCAL_STATE.VALUE, folder)
                .execute());
    }

    /**
     * The role of this database's user, if one was set (a database from before roles has none).
     * A code this version does not know counts as none: the caller falls back to the role that
     * sees least, rather than refusing to start.
     */
    public Optional<Role> role() {
        return db.read(dsl -> dsl.select(LOCAL_STATE.VALUE)
                        .from(LOCAL_STATE)
                        .where(LOCAL_STATE.KEY.eq(KEY_ROLE))
                        .fetchOptional(LOCAL_STATE.VALUE))
                .flatMap(code -> Arrays.stream(Role.values())
                        .filter(r -> r.code().equals(code))
                        .findFirst());
    }

    /** Sets the role, in the caller's transaction (a change is checked and recorded by the service). */
    public void setRole(Transaction tx, Role role) {
        tx.dsl()
                .insertInto(LOCAL_STATE)
                .set(LOCAL_STATE.KEY, KEY_ROLE)
                .set(LOCAL_STATE.VALUE, role.code())
                .onConflict(LOCAL_STATE.KEY)
                .doUpdate()
                .set(LOCAL_STATE.VALUE, role.code())
                .execute();
    }

    /** The user's work phone, as printed on a participant's plan; empty if not given. */
    public String coachPhone() {
        return value(KEY_COACH_PHONE);
    }

    /** The user's work e-mail, as printed on a participant's plan; empty if not given. */
    public String coachEmail() {
        return value(KEY_COACH_EMAIL);
    }

    /** Both at once; blank removes one. */
    public void setCoachContact(String phone, String email) {
        db.write(tx -> {
            put(tx, KEY_COACH_PHONE, phone);
            put(tx, KEY_COACH_EMAIL, email);
            return null;
        });
    }

    private String value(String key) {
        return db.read(dsl -> dsl.select(LOCAL_STATE.VALUE)
                        .from(LOCAL_STATE)
                        .where(LOCAL_STATE.KEY.eq(key))
                        .fetchOptional(LOCAL_STATE.VALUE))
                .orElse("");
    }

    private static void put(Transaction tx, String key, String value) {
        if (value == null || value.isBlank()) {
            tx.dsl().deleteFrom(LOCAL_STATE).where(LOCAL_STATE.KEY.eq(key)).execute();
            return;
        }
        tx.dsl()
                .insertInto(LOCAL_STATE)
                .set(LOCAL_STATE.KEY, key)
                .set(LOCAL_STATE.VALUE, value.strip())
                .onConflict(LOCAL_STATE.KEY)
                .doUpdate()
                .set(LOCAL_STATE.VALUE, value.strip())
                .execute();
    }
}

package se.jobbtorg.coach.service;

import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.store.AuditTrail;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.LocalSettings;
import se.jobbtorg.coach.store.WrongPassphraseException;

/** The passphrase and the backups of the open database, for the lock and the file menu. */
public final class SecurityService {
    private final Database db;
    private final LocalSettings local;

    public SecurityService(Database db) {
        this.db = db;
        this.local = new LocalSettings(db);
    }

    /**
     * True if the passphrase opens the database: the unlock. Wipes the passphrase afterwards.
     * Each unlock, and each one that failed, is written to the audit trail.
     */
    public boolean unlocks(Passphrase passphrase) {
        boolean opens;
        try (passphrase) {
            opens = db.opensWith(passphrase);
        }
        db.write(tx -> AuditTrail.record(tx, opens ? AuditAction.UNLOCKED : AuditAction.UNLOCK_FAILED, About.NOTHING));
        return opens;
    }

    /**
     * The open at the start was an unlock too: written to the trail once the database is open,
     * after the attempts with a wrong passphrase that came before it (at the instants they were
     * made: the trail could not be written while the database was shut).
     */
    public void openedAfter(List<Instant> failedAttempts) {
        db.write(tx -> {
            for (Instant at : failedAttempts) {
                AuditTrail.record(tx, AuditAction.UNLOCK_FAILED, About.NOTHING, at);
            }
            return AuditTrail.record(tx, AuditAction.UNLOCKED, About.NOTHING);
        });
    }

    /**
     * Changes the role of this database's user, only if the passphrase opens the database: true
     * if it did (the role is then the one given), false if it was wrong (nothing changed). Wipes
     * the passphrase afterwards. Not on the FX thread: the check derives the key.
     */
    public boolean changeRole(Passphrase passphrase, Role role) {
        try (passphrase) {
            if (!db.opensWith(passphrase)) {
                db.write(tx -> AuditTrail.record(tx, AuditAction.UNLOCK_FAILED, About.detail("role_change")));
                return false;
            }
        }
        // A database made before roles has none: the one chosen is set, a coach's too.
        if (local.role().orElse(null) != role) {
            db.write(tx -> {
                local.setRole(tx, role);
                return AuditTrail.record(tx, AuditAction.ROLE_CHANGED, About.detail(role.code()));
            });
        }
        return true;
    }

    /** How a change of passphrase went. backupsLeft: backups still under the old passphrase. */
    public record Change(boolean changed, int backupsLeft) {}

    /**
     * Changes the passphrase of the database and its backups. Not changed if the current one is
     * wrong (nothing changed); a new one that breaks the rules is refused before anything is done.
     * Wipes both passphrases afterwards.
     */
    public Change changePassphrase(Passphrase current, Passphrase next) {
        try (current;
                next) {
            if (!next.acceptable()) {
                throw new IllegalArgumentException("the new passphrase breaks the rules");
            }
            Change change = new Change(true, db.changePassphrase(current, next));
            db.write(tx -> AuditTrail.record(tx, AuditAction.PASSPHRASE_CHANGED, About.NOTHING));
            return change;
        } catch (WrongPassphraseException e) {
            return new Change(false, 0);
        }
    }

    /** The daily backup, if none was taken today. */
    /**
     * The integrity check an open left for later (reads every page: run it in the background).
     * Throws {@link se.jobbtorg.coach.store.DatabaseDamagedException} for a damaged file.
     */
    public void checkIntegrity() {
        db.checkIntegrity();
    }

    public void backupIfDue() {
        db.backupIfDue();
    }

    public void keepBackupsFor(Period period) {
        db.keepBackupsFor(period);
    }

    /** The backups, newest first. */
    public List<Path> backups() {
        return db.backups();
    }

    /** True if the database was plain and has just been encrypted. */
    public boolean convertedFromPlain() {
        return db.convertedFromPlain();
    }
}

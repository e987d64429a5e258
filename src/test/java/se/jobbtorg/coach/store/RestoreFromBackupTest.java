package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.store.generated.Tables.PARTICIPANT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.Passphrase;

/** Restore from a backup: the backup's rows come back, and the state it replaced is itself a backup. */
class RestoreFromBackupTest {
    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
    Path file;
    Path backup;
    List<List<List<String>>> backedUp;
    List<List<List<String>>> changed;

    @BeforeEach
    void aBackupThenMoreWork() throws Exception {
        file = dir.resolve("caseload.db");
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            List<Participant> people = KnownPeople.write(db, clock);
            backup = db.backup("manual");
            clock.advance(Duration.ofHours(2));
            var repo = new ParticipantRepository(db);
            db.write(tx -> repo.save(tx, DatabaseTest.person("Sigrid", "Åhlén", 403)));
            db.write(tx -> tx.tombstone(PARTICIPANT, people.get(0).id().toString()));
        }
        backedUp = PlainFiles.caseloadRows(backup);
        changed = PlainFiles.caseloadRows(file);
        assertNotEquals(backedUp, changed);
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void theRowsAreThoseOfTheBackupAndTheReplacedStateIsABackupOfItsOwn() throws Exception {
        byte[] backupBytes = Files.readAllBytes(backup);
        Database.restore(file, backup, clock, TestPassphrase.get());

        assertEquals(backedUp, PlainFiles.caseloadRows(file), "the rows of the backup");
        List<Path> before = Database.backupsOf(file, clock).stream()
                .filter(b -> b.getFileName().toString().contains("before-restore"))
                .toList();
        assertEquals(1, before.size(), "one backup of the state replaced: " + Database.backupsOf(file, clock));
        assertEquals(changed, PlainFiles.caseloadRows(before.get(0)), "it holds the work done after the backup");
        assertArrayEquals(backupBytes, Files.readAllBytes(backup), "the backup restored from is kept as it was");
        assertEquals(EncryptedFiles.State.ENCRYPTED, EncryptedFiles.state(file));
        assertTrue(Files.notExists(EncryptedFiles.sibling(file, ".restoring")));

        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            var repo = new ParticipantRepository(db);
            assertEquals(KnownPeople.PEOPLE.size(), repo.count());
            db.write(tx -> repo.save(tx, DatabaseTest.person("Nora", "Ängström", 404)));
            assertEquals(KnownPeople.PEOPLE.size() + 1, repo.count(), "work goes on in the restored file");
        }
        // And the restore can itself be undone.
        clock.advance(Duration.ofHours(1));
        Database.restore(file, before.get(0), clock, TestPassphrase.get());
        assertEquals(changed, PlainFiles.caseloadRows(file));
    }

    @Test
    void aPassphraseThatDoesNotOpenTheBackupChangesNothing() throws Exception {
        byte[] current = Files.readAllBytes(file);
        List<Path> backups = Database.backupsOf(file, clock);
        assertThrows(
                WrongPassphraseException.class,
                () -> Database.restore(file, backup, clock, Passphrase.of("fel fras helt och hållet")));
        assertArrayEquals(current, Files.readAllBytes(file), "the database is as it was");
        assertEquals(backups, Database.backupsOf(file, clock), "no backup made, none removed");
        assertEquals(changed, PlainFiles.caseloadRows(file));
    }

    @Test
    void anOpenDatabaseIsNotReplaced() throws Exception {
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            assertThrows(
                    DatabaseInUseException.class, () -> Database.restore(file, backup, clock, TestPassphrase.get()));
            assertEquals(KnownPeople.PEOPLE.size(), new ParticipantRepository(db).count(), "the open one works on");
        }
        assertEquals(changed, PlainFiles.caseloadRows(file));
    }

    @Test
    void aDatabaseUnderAnotherPassphraseIsKeptAmongTheBackupsNotLost() throws Exception {
        // The database was re-keyed, but this backup was not (say, a change cut short): the old
        // passphrase opens the backup only. A restore with it keeps the database as a backup.
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            db.changePassphrase(TestPassphrase.get(), Passphrase.of("en nyare lösenfras 2027"));
        }
        Path old = dir.resolve("old-backup.db");
        Files.copy(backup, old);
        EncryptedFiles.rekey(old, Passphrase.of("en nyare lösenfras 2027"), TestPassphrase.get());
        Database.restore(file, old, clock, TestPassphrase.get());
        assertEquals(backedUp, PlainFiles.caseloadRows(file));
        Path kept = Database.backupsOf(file, clock).stream()
                .filter(p -> p.getFileName().toString().endsWith("-replaced.db"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                EncryptedFiles.opens(kept, Passphrase.of("en nyare lösenfras 2027")),
                "the work since is kept, under its own passphrase, in the restore list");
        assertFalse(Files.exists(dir.resolve("caseload.db.restoring")));
    }

    @Test
    void anOldBackupChosenForARestoreIsNotPrunedByTheBackupTakenFirst() throws Exception {
        // The chosen backup is past the retention; the backup of the current state taken by the
        // restore pushes it out of the newest three, so that backup's pruning would wipe it.
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            for (int i = 0; i < 2; i++) {
                clock.advance(Duration.ofDays(20));
                db.backup("manual");
            }
        }
        clock.advance(Duration.ofDays(20));
        Database.restore(file, backup, clock, TestPassphrase.get());
        assertEquals(backedUp, PlainFiles.caseloadRows(file), "the chosen backup came back whole");
    }
}

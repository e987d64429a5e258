package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Passphrase;

/**
 * Issue 10, "Measured and tested": a caseload with known names and numbers, written through the
 * services, is nowhere readable on disk: not in the database while it is open, not in its -wal
 * or -shm, not in any backup, not in any file beside it. The same grep finds the names in a plain
 * database, so a grep that finds nothing is the encryption's doing, not the grep's.
 */
class EncryptionAtRestTest {
    static final String WRONG = "grön cykel i snö 2026";

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    Path data() {
        return dir.resolve("data");
    }

    Path file() {
        return data().resolve("caseload.db");
    }

    @Test
    void noNameOrNumberIsReadableInTheDatabaseItsSidecarsItsBackupsOrBesideIt() throws Exception {
        Path wal = EncryptedFiles.sibling(file(), "-wal");
        Path shm = EncryptedFiles.sibling(file(), "-shm");
        try (Database db = Database.open(file(), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            // Open, the newest pages lie in the WAL: the grep is only worth something if they do.
            assertTrue(Files.size(wal) > 0, "the caseload is in the WAL while the database is open");
            assertTrue(Files.exists(shm));
            assertEquals(
                    List.of(),
                    DiskBytes.find(List.of(file(), wal, shm), KnownPeople.secrets()),
                    "nothing readable in the open database, its -wal or its -shm");

            db.backup("manual");
            clock.advance(Duration.ofDays(1));
            assertTrue(db.backupIfDue().isPresent(), "a daily backup");
            // One full copy a day at most (decision 0010): the import's is the next day's.
            clock.advance(Duration.ofDays(1));
            assertTrue(db.backupIfDue("import").isPresent(), "before an import");
            assertEquals(3, db.backups().size(), "manual, daily and before an import: " + db.backups());
            assertEquals(List.of(), DiskBytes.find(data(), KnownPeople.secrets()), "open, with three backups");
        }
        List<Path> files = DiskBytes.filesUnder(data());
        assertTrue(files.containsAll(Database.backupsOf(file(), clock)), "every backup is searched: " + files);
        assertTrue(files.contains(file()));
        assertEquals(List.of(), DiskBytes.find(files, KnownPeople.secrets()), "closed: " + files);
        for (Path f : files) {
            if (Files.size(f) > 0) {
                assertEquals(EncryptedFiles.State.ENCRYPTED, EncryptedFiles.state(f), f + " has no plain header");
            }
        }
    }

    @Test
    void theSameGrepFindsTheNamesAndNumbersInAPlainDatabase() throws Exception {
        try (Database db = Database.open(file(), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
        }
        Path plain = PlainFiles.plainCopy(file(), dir.resolve("control/caseload.db"));
        List<String> expected = new ArrayList<>(KnownPeople.names());
        KnownPeople.PEOPLE.forEach(p -> expected.add(p.number().normalised()));
        KnownPeople.PEOPLE.forEach(p -> expected.add(p.note()));
        List<String> found = DiskBytes.find(List.of(plain), expected).stream()
                .map(DiskBytes.Hit::text)
                .toList();
        assertEquals(expected, found, "the control: a plain file gives every name, number and note away");
    }

    @Test
    void plainSqliteCannotReadTheDatabaseNorABackup() throws Exception {
        Path backup;
        try (Database db = Database.open(file(), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            backup = db.backup("manual");
        }
        for (Path f : List.of(file(), backup)) {
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> {
                        try (Connection c = PlainFiles.open(f);
                                Statement s = c.createStatement()) {
                            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
                        }
                    },
                    f + " is not read without the key");
            assertTrue(refused.getMessage().contains("SQLITE_NOTADB"), refused.getMessage());
        }
    }

    @Test
    void aWrongPassphraseOpensNothingAndChangesNothing() throws Exception {
        Path backup;
        try (Database db = Database.open(file(), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            backup = db.backup("manual");
            assertFalse(db.opensWith(Passphrase.of(WRONG)));
            assertTrue(db.opensWith(TestPassphrase.get()));
        }
        byte[] before = Files.readAllBytes(file());
        WrongPassphraseException wrong =
                assertThrows(WrongPassphraseException.class, () -> Database.open(file(), clock, Passphrase.of(WRONG)));
        assertFalse(wrong.getMessage().contains(WRONG), "the passphrase never reaches a message");
        assertThrows(WrongPassphraseException.class, () -> Database.open(backup, clock, Passphrase.of(WRONG)));
        assertFalse(EncryptedFiles.opens(backup, Passphrase.of(WRONG)));
        assertArrayEquals(before, Files.readAllBytes(file()), "the file is as it was");
        assertEquals(List.of(backup), Database.backupsOf(file(), clock), "no backup made for a wrong try");
        assertEquals(Database.FileState.ENCRYPTED, Database.stateOf(file()));

        try (Database db = Database.open(file(), clock, TestPassphrase.get())) {
            assertEquals(
                    KnownPeople.PEOPLE.size(), new ParticipantRepository(db).count(), "the right one still opens it");
        }
    }
}

package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;

/**
 * A plain database from the version before encryption is encrypted on its first open, with its
 * plain backups; nothing plain stays behind, not even after a crash half-way through.
 */
class PlainConversionTest {
    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
    Path file;
    Path plainBackup;
    /** The encrypted database the plain one was made from (a conversion's finished copy looks like it). */
    Path encrypted;

    @BeforeEach
    void aPlainDatabaseWithAPlainBackup() throws Exception {
        file = dir.resolve("data/caseload.db");
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
        }
        encrypted = dir.resolve("encrypted.db");
        Files.copy(file, encrypted);
        plainBackup = dir.resolve("data/backups/caseload-20261120-160000-v4.db");
        PlainFiles.plainCopy(file, plainBackup);
        PlainFiles.decrypt(file);
        // As the old version left them: readable by everyone on the machine.
        if (posix()) {
            for (Path p : List.of(file, plainBackup)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.setPosixFilePermissions(plainBackup.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(Database.FileState.PLAIN, Database.stateOf(file));
        assertFalse(
                DiskBytes.find(List.of(file, plainBackup), KnownPeople.names()).isEmpty(), "the control");
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    List<List<List<String>>> plainRows(Path plain) throws Exception {
        try (Connection c = PlainFiles.open(plain)) {
            return PlainFiles.caseloadRows(c);
        }
    }

    /** What must hold after any conversion: encrypted everywhere, no leftovers, no name readable. */
    void nothingPlainIsLeft() throws Exception {
        Path data = file.getParent();
        for (Path f : DiskBytes.filesUnder(data)) {
            String name = f.getFileName().toString();
            assertFalse(name.endsWith(".plain-original") || name.endsWith(".encrypting"), "left behind: " + f);
            if (Files.size(f) > 0) {
                assertEquals(EncryptedFiles.State.ENCRYPTED, EncryptedFiles.state(f), f + " still has a plain header");
            }
        }
        assertEquals(List.of(), DiskBytes.find(data, KnownPeople.secrets()));
    }

    @Test
    void thePlainDatabaseAndItsPlainBackupAreEncryptedOnFirstOpenKeepingEveryRow() throws Exception {
        var rows = plainRows(file);
        var backupRows = plainRows(plainBackup);
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            assertTrue(db.convertedFromPlain(), "the user is told");
            assertTrue(db.backups().contains(plainBackup), "the backup kept its name");
        }
        assertEquals(
                rows, PlainFiles.caseloadRows(file), "the same rows, participants, meetings and change log among them");
        assertEquals(backupRows, PlainFiles.caseloadRows(plainBackup), "the backup holds what it held");
        assertEquals(Database.FileState.ENCRYPTED, Database.stateOf(file));
        nothingPlainIsLeft();
        if (posix()) {
            for (Path p : Database.backupsOf(file, clock)) {
                assertEquals(
                        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(
                    "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(plainBackup.getParent())));
        }
    }

    @Test
    void theLastCommitsInThePlainWalOfAKilledProgramAreKeptAndTheWalIsWiped() throws Exception {
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        try (Connection c = PlainFiles.open(file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.executeUpdate("UPDATE participant SET phone = '070-5550123' WHERE first_name = 'Märit'");
            // The files as the killed program left them: the change only in the -wal.
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.copy(EncryptedFiles.sibling(file, suffix), crashed.resolve("caseload.db" + suffix));
            }
        }
        file = crashed.resolve("caseload.db");
        assertTrue(Files.size(EncryptedFiles.sibling(file, "-wal")) > 0);
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            assertTrue(db.convertedFromPlain());
            assertEquals(
                    "070-5550123",
                    db.<String>read(dsl -> dsl.fetchValue("SELECT phone FROM participant WHERE first_name = 'Märit'")
                            .toString()));
        }
        assertTrue(DiskBytes.find(crashed, List.of("070-5550123")).isEmpty(), "the plain -wal is gone");
        for (Path f : DiskBytes.filesUnder(crashed)) {
            assertFalse(
                    f.getFileName().toString().endsWith(".encrypting")
                            || f.getFileName().toString().endsWith(".plain-original"),
                    f.toString());
        }
        assertEquals(List.of(), DiskBytes.find(crashed, KnownPeople.secrets()));
    }

    @Test
    void aHalfEncryptedCopyLeftByACrashIsWipedAndTheConversionRunsAgain() throws Exception {
        var rows = plainRows(file);
        // Killed while the copy was being encrypted: part plain, part not; here, still all plain.
        Files.copy(file, EncryptedFiles.sibling(file, ".encrypting"));
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            assertTrue(db.convertedFromPlain());
        }
        assertEquals(rows, PlainFiles.caseloadRows(file));
        nothingPlainIsLeft();
    }

    @Test
    void aCrashBetweenTheTwoMovesBringsThePlainFileBackAndConvertsIt() throws Exception {
        var rows = plainRows(file);
        // The plain file moved aside, the encrypted copy not yet in its place.
        Files.move(file, EncryptedFiles.sibling(file, ".plain-original"));
        Files.copy(encrypted, EncryptedFiles.sibling(file, ".encrypting"));
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            assertTrue(db.convertedFromPlain());
        }
        assertEquals(rows, PlainFiles.caseloadRows(file));
        nothingPlainIsLeft();
    }

    @Test
    void aPlainOriginalLeftAfterTheEncryptedFileWasInPlaceIsWiped() throws Exception {
        // Killed after the encrypted copy took the name, before the plain original was overwritten.
        Files.move(file, EncryptedFiles.sibling(file, ".plain-original"));
        Files.copy(encrypted, file);
        Files.copy(encrypted, plainBackup, StandardCopyOption.REPLACE_EXISTING);
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            assertFalse(db.convertedFromPlain(), "the file was already encrypted");
            assertEquals(KnownPeople.PEOPLE.size(), new ParticipantRepository(db).count());
        }
        nothingPlainIsLeft();
    }

    @Test
    void aPlainBackupLeftByACrashAfterTheDatabaseWasEncryptedIsEncryptedOnTheNextOpen() throws Exception {
        // Killed after the database was encrypted, before its backups were: the next open finds
        // an encrypted database and a plain backup beside it.
        Files.copy(encrypted, file, StandardCopyOption.REPLACE_EXISTING);
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            assertFalse(db.convertedFromPlain());
        }
        nothingPlainIsLeft();
    }

    @Test
    void aBackupsConversionCutShortLeavesNoPlainCopyInTheBackupsFolder() throws Exception {
        // Killed between the two moves of a backup's conversion: the plain backup lies aside.
        Files.copy(encrypted, file, StandardCopyOption.REPLACE_EXISTING);
        Files.move(plainBackup, EncryptedFiles.sibling(plainBackup, ".plain-original"));
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            assertFalse(db.convertedFromPlain());
        }
        nothingPlainIsLeft();
    }
}

package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;

/** The files are the user's alone, and a backup is made once a day the program is used. */
class PrivateFilesAndDailyBackupTest {
    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDatabaseItsSidecarsAndItsBackupsAreOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = dir.resolve("data");
        Path file = data.resolve("caseload.db");
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            db.backup("manual");
            clock.advance(Duration.ofDays(1));
            db.backupIfDue().orElseThrow();
            // One full copy a day at most (decision 0010): the import's is the next day's.
            clock.advance(Duration.ofDays(1));
            db.backupIfDue("import");
            assertTrue(Files.exists(EncryptedFiles.sibling(file, "-wal")));
            assertTrue(Files.exists(EncryptedFiles.sibling(file, "-shm")));
            assertEquals("rwx------", permissions(data), "the data folder the store created");
            assertEquals("rwx------", permissions(data.resolve("backups")));
            for (Path f : DiskBytes.filesUnder(data)) {
                assertEquals("rw-------", permissions(f), f.toString());
            }
            assertEquals(3, db.backups().size());
        }
        for (Path f : DiskBytes.filesUnder(data)) {
            assertEquals("rw-------", permissions(f), f + " after close");
        }
    }

    @Test
    void anExistingDatabaseOpenToOthersIsMadeOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = dir.resolve("caseload.db");
        Database.open(file, clock, TestPassphrase.get()).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            db.backup("manual");
            assertEquals("rw-------", permissions(file));
            assertEquals("rw-------", permissions(EncryptedFiles.sibling(file, "-wal")));
            assertEquals("rw-------", permissions(EncryptedFiles.sibling(file, "-shm")));
        }
    }

    @Test
    void theBackupsCopyReadsThroughASmallCacheAndLeavesTheConnectionsOwn() throws Exception {
        try (Database db = Database.open(dir.resolve("caseload.db"), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            Path backup = db.backup("test");
            assertTrue(Files.size(backup) > 0);
            // The writer's page cache is as big as before the copy: the copy's own was set back.
            long cache = db.write(tx -> ((Number) tx.dsl().fetchValue("PRAGMA cache_size")).longValue());
            assertEquals(-Database.CACHE_KIB, cache);
        }
    }

    @Test
    void oneDailyBackupADayNotTwo() throws Exception {
        try (Database db = Database.open(dir.resolve("caseload.db"), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            Optional<Path> first = db.backupIfDue();
            assertTrue(first.isPresent(), "the first use of the day");
            assertTrue(
                    first.get().getFileName().toString().endsWith("-daily.db"),
                    first.get().toString());
            assertEquals(Optional.empty(), db.backupIfDue(), "not twice in a row");
            // 22:59 UTC is 23:59 in Stockholm: still the same day.
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-24T22:59:00Z")));
            assertEquals(LocalDate.of(2026, 11, 24), LocalDate.now(clock));
            assertEquals(Optional.empty(), db.backupIfDue(), "not twice the same day");
            clock.advance(Duration.ofMinutes(2));
            Optional<Path> second = db.backupIfDue();
            assertTrue(second.isPresent(), "a new day in Stockholm, a new backup");
            assertEquals(Optional.empty(), db.backupIfDue());
            clock.advance(Duration.ofDays(3));
            assertTrue(db.backupIfDue().isPresent(), "days without use cost nothing; the next use makes one");
            List<Path> backups = db.backups();
            assertEquals(3, backups.size(), backups.toString());
            for (Path b : backups) {
                assertTrue(EncryptedFiles.opens(b, TestPassphrase.get()));
            }
        }
    }

    @Test
    void aBackupBeforeAnImportCountsAsTheDaysBackupAndImportsCloseTogetherMakeOne() throws Exception {
        try (Database db = Database.open(dir.resolve("caseload.db"), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            db.backupIfDue("import");
            clock.advance(Duration.ofMinutes(4));
            db.backupIfDue("import");
            assertEquals(1, db.backups().size(), "a folder of packages makes one backup");
            assertEquals(Optional.empty(), db.backupIfDue(), "the day has its backup");
            // One full copy a day at most (decision 0010): later imports that day make none.
            clock.advance(Duration.ofHours(6));
            db.backupIfDue("import");
            assertEquals(1, db.backups().size(), "a day of packages makes one backup");
            clock.advance(Duration.ofDays(1));
            db.backupIfDue("import");
            assertEquals(2, db.backups().size());
        }
    }
}

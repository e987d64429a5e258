package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.bench.SyntheticCity;

/**
 * The window opens without reading the whole file first and checks it in the background: a
 * damaged file must still be found, with the backup to offer, and a sound one must pass.
 */
class IntegrityLaterTest {
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
    /** SQLCipher 4's page. */
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private Path caseload() {
        Path file = dir.resolve("caseload.db");
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            new SyntheticCity(db, 7, LocalDate.of(2026, 11, 24)).build(60);
            db.backup("manual");
        }
        return file;
    }

    @Test
    void aSoundFileOpensAndPassesTheCheckAfterwards() {
        Path file = caseload();
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get(), Database.Integrity.LATER)) {
            assertEquals(60, new ParticipantRepository(db).count());
            assertDoesNotThrow(db::checkIntegrity);
            assertDoesNotThrow(db::checkIntegrity, "a second call has nothing left to do");
        }
    }

    @Test
    void aPageDamagedInTheMiddleIsFoundByTheCheckAfterTheOpenWithTheBackupToOffer() throws Exception {
        Path file = caseload();
        long pages = Files.size(file) / PAGE;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(pages / 2 * PAGE + 100);
            raf.write(new byte[200]);
        }
        // Opened the way commands and tests open: found before anything else.
        assertThrows(DatabaseDamagedException.class, () -> Database.open(file, CLOCK, TestPassphrase.get()));
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get(), Database.Integrity.LATER)) {
            var damaged = assertThrows(DatabaseDamagedException.class, db::checkIntegrity);
            assertTrue(damaged.lastBackup().isPresent(), "the backup to offer");
        }
    }
}

package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Passphrase;

/** The bench's yardsticks: every row copied, into a plain file or one encrypted as the program's. */
class PlainBaselineTest {
    @TempDir
    Path dir;

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    @Test
    void copiesEveryRowPlainOrEncrypted() throws Exception {
        try (Database db = Database.open(dir.resolve("caseload.db"), clock, TestPassphrase.get())) {
            KnownPeople.write(db, clock);
            long participants = db.read(dsl -> dsl.fetchCount(dsl.selectFrom("participant")));
            long plainRows = PlainBaseline.copy(db, dir.resolve("plain.db"));
            long encryptedRows =
                    PlainBaseline.copy(db, dir.resolve("encrypted.db"), Passphrase.of("bänken mäter staden"));
            assertTrue(plainRows > participants, "participants, their change log and search tokens");
            assertEquals(plainRows, encryptedRows);
            assertEquals(participants, count(dir.resolve("plain.db"), "participant"));
            // Encrypted: no plain SQLite reads it, and the header is not SQLite's.
            assertFalse(new String(Files.readAllBytes(dir.resolve("encrypted.db")), 0, 15, "ISO-8859-1")
                    .startsWith("SQLite format"));
            assertThrows(SQLException.class, () -> count(dir.resolve("encrypted.db"), "participant"));
        }
    }

    private static long count(Path file, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

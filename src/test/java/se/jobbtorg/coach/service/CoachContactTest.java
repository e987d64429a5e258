package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.CoachContact;
import se.jobbtorg.coach.store.Database;

/** The user's work phone and e-mail: kept in this laptop's database, read back after a restart. */
class CoachContactTest {
    @TempDir
    Path dir;

    @Test
    void theContactIsKeptAcrossARestartAndABadOneChangesNothing() {
        Path file = dir.resolve("coach.db");
        TestClock clock = new TestClock(Instant.parse("2026-12-03T09:00:00Z"));
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            CoachService coaches = new CoachService(db);
            assertEquals(new CoachContact("", ""), coaches.contact(), "none given yet");
            coaches.setContact(new CoachContact(" 08-508 123 45 ", "linnea.ek@example.se"));
            ValidationException refused = assertThrows(
                    ValidationException.class,
                    () -> coaches.setContact(new CoachContact("08-508 123 45", "linnea.ek")));
            assertEquals(CoachContact.FIELD_EMAIL, refused.problems().get(0).field());
        }
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            CoachService coaches = new CoachService(db);
            assertEquals(new CoachContact("08-508 123 45", "linnea.ek@example.se"), coaches.contact());
            coaches.setContact(new CoachContact("", "linnea.ek@example.se"));
            assertEquals(new CoachContact("", "linnea.ek@example.se"), coaches.contact(), "a phone taken away");
        }
    }
}

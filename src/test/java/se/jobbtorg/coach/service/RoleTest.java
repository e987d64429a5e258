package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.store.Database;

/**
 * The role of a database's user: a coach unless chosen otherwise at the first start, and
 * changed later only with the database's passphrase. Real database files, opened again to see
 * what was kept.
 */
class RoleTest {
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseAndOneFromBeforeRolesBelongToACoach() {
        Path file = dir.resolve("new.db");
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(Role.COACH, new CoachService(db).role(), "no role set: the one that sees least");
            // A database in use before roles: a user, and still no role.
            new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        }
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(Role.COACH, new CoachService(db).role());
        }
    }

    @Test
    void aDatabaseFromBeforeRolesGetsTheRoleChosenInTheSettingsACoachsToo() {
        Path file = dir.resolve("old.db");
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            CoachService coaches = new CoachService(db);
            coaches.setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            assertFalse(coaches.roleChosen(), "shown as a coach's, but not chosen");
            assertTrue(new SecurityService(db).changeRole(TestPassphrase.get(), Role.COACH));
            assertTrue(coaches.roleChosen(), "chosen now: need to know works from it");
            assertEquals(Role.COACH, coaches.role());
        }
    }

    @Test
    void theFirstStartSetsTheRoleChosenAndOnlyOnce() {
        Path file = dir.resolve("first.db");
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            CoachService coaches = new CoachService(db);
            coaches.begin("Sara Lind", "Jobbtorg Kista", Role.TEAM_LEAD);
            assertEquals(Role.TEAM_LEAD, coaches.role());
            assertEquals("Sara Lind", coaches.currentCoach().orElseThrow().name());
            assertThrows(
                    IllegalStateException.class,
                    () -> coaches.begin("Sara Lind", "Jobbtorg Kista", Role.COACH),
                    "after the first start the role changes with the passphrase only");
        }
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(Role.TEAM_LEAD, new CoachService(db).role(), "kept in the database");
        }
    }

    @Test
    void aWrongPassphraseChangesNothingAndTheRightOneChangesTheRole() {
        Path file = dir.resolve("change.db");
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            CoachService coaches = new CoachService(db);
            SecurityService security = new SecurityService(db);
            coaches.begin("Linnea Ek", "Jobbtorg Kista", Role.COACH);

            Passphrase wrong = Passphrase.of("röd cykel i sol 2026");
            assertFalse(security.changeRole(wrong, Role.TEAM_LEAD));
            assertTrue(wrong.isEmpty() || wrong.reveal().chars().allMatch(c -> c == 0), "wiped after the check");
            assertEquals(Role.COACH, coaches.role(), "a wrong passphrase changes nothing");
            assertFalse(security.changeRole(Passphrase.of(""), Role.TEAM_LEAD), "an empty one opens nothing");
            assertEquals(Role.COACH, coaches.role());

            assertTrue(security.changeRole(TestPassphrase.get(), Role.TEAM_LEAD));
            assertEquals(Role.TEAM_LEAD, coaches.role());
            assertTrue(security.changeRole(TestPassphrase.get(), Role.COACH), "and back");
            assertEquals(Role.COACH, coaches.role());
            assertTrue(security.changeRole(TestPassphrase.get(), Role.TEAM_LEAD));
        }
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(Role.TEAM_LEAD, new CoachService(db).role(), "the change is kept");
        }
    }

    @Test
    void aRoleThisVersionDoesNotKnowCountsAsACoach() {
        try (Database db = Database.open(dir.resolve("unknown.db"), CLOCK, TestPassphrase.get())) {
            db.write(tx -> tx.dsl().execute("INSERT INTO local_state (key, value) VALUES ('role', 'auditor')"));
            assertEquals(Role.COACH, new CoachService(db).role(), "the role that sees least, not a failed start");
        }
    }
}

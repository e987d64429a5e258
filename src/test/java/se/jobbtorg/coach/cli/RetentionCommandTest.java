package se.jobbtorg.coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.store.Database;

/** The retention command: it lists by id, deletes only when asked, and only on a team lead's database. */
class RetentionCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(RetentionCommand command) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = command.run(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A database whose user has this role, with one person registered in 2019 and one now. */
    private Participant database(Path file, TestClock clock, Role role) {
        try (Database db = Database.open(file, clock, TestPassphrase.get())) {
            new CoachService(db).begin("Gunilla Lind", "Jobbtorg Kista", role);
            var caseload = new CaseloadService(db, clock);
            Participant old = caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1961, 1, 5), 112, false)
                            .display(),
                    "Östen",
                    "Åberg",
                    null,
                    null,
                    null));
            clock.advance(Duration.ofDays(365 * 7));
            caseload.register(new ParticipantDraft(
                    PersonalIdentityNumber.of(LocalDate.of(1990, 2, 3), 120, false)
                            .display(),
                    "Nora",
                    "Berg",
                    null,
                    null,
                    null));
            return old;
        }
    }

    @Test
    void listsByIdThenDeletesWhenAskedOnATeamLeadsDatabase() {
        TestClock clock = new TestClock(Instant.parse("2019-05-06T08:00:00Z"));
        Path file = dir.resolve("lead.db");
        Participant old = database(file, clock, Role.TEAM_LEAD);

        Run listed = run(new RetentionCommand(file, Period.ofYears(5), false, clock, TestPassphrase.get()));
        assertEquals(RetentionCommand.OK, listed.code(), listed.err());
        assertTrue(listed.out().contains("due participant=" + old.id() + " last-entry=2019-05-06"), listed.out());
        assertTrue(listed.out().contains("would-delete people=1"), listed.out());
        assertFalse(listed.out().contains("Åberg"), "ids only");

        Run deleted = run(new RetentionCommand(file, Period.ofYears(5), true, clock, TestPassphrase.get()));
        assertEquals(RetentionCommand.OK, deleted.code(), deleted.err());
        assertTrue(deleted.out().contains("deleted people=1 records=1"), deleted.out());

        Run again = run(new RetentionCommand(file, Period.ofYears(5), false, clock, TestPassphrase.get()));
        assertTrue(again.out().startsWith("would-delete people=0"), again.out());
    }

    @Test
    void aCoachsDatabaseListsButDoesNotDelete() {
        TestClock clock = new TestClock(Instant.parse("2019-05-06T08:00:00Z"));
        Path file = dir.resolve("coach.db");
        database(file, clock, Role.COACH);
        Run refused = run(new RetentionCommand(file, Period.ofYears(5), true, clock, TestPassphrase.get()));
        assertEquals(RetentionCommand.FAILED, refused.code());
        assertTrue(refused.err().contains("only a team lead's database"), refused.err());
        Run listed = run(new RetentionCommand(file, Period.ofYears(5), false, clock, TestPassphrase.get()));
        assertTrue(listed.out().contains("would-delete people=1"), "still there: " + listed.out());
    }
}

package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.bench.SyntheticCity;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.service.CaseloadService;

/**
 * participant_unenrolled, the people Today reminds to enrol, holds what the participants and
 * their enrolments say now: built by migration 20 for a database from before it, and through the
 * bulk load of a city, which sets its triggers aside (the writes of the services and of imports
 * are held to the same in NeverEnrolledFollowTest).
 */
public class NeverEnrolledTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));

    @TempDir
    Path dir;

    /** The people kept as never enrolled and not so now, or so now and not kept, as "extra id" or "missing id". */
    public static List<String> amiss(Database db) {
        String kept = "SELECT participant_id FROM participant_unenrolled";
        String derived = "SELECT participant_id FROM participant_unenrolled_derived";
        return db.read(dsl -> dsl.fetch("SELECT 'extra ' || participant_id FROM (" + kept + " EXCEPT " + derived
                        + ") UNION ALL SELECT 'missing ' || participant_id FROM (" + derived + " EXCEPT " + kept
                        + ")")
                .getValues(0, String.class));
    }

    private static Set<UUID> kept(Database db) {
        return new WorkflowRepository(db)
                .neverEnrolled().stream().map(Participant::id).collect(Collectors.toSet());
    }

    private static Participant register(Database db, int serial) {
        return new CaseloadService(db, CLOCK)
                .register(new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1979, 6, 2), serial, false)
                                .display(),
                        "Åsa",
                        "Testberg",
                        null,
                        null,
                        null));
    }

    @Test
    void theMigrationFindsThePeopleOfADatabaseFromBefore() {
        Path file = dir.resolve("nineteen.db");
        Participant waiting;
        try (Database nineteen = Database.open(file, CLOCK, TestPassphrase.get(), 19)) {
            new SyntheticCity(nineteen, 5, TODAY).build(60);
            waiting = register(nineteen, 11);
        }
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(List.of(), amiss(db));
            assertEquals(Set.of(waiting.id()), kept(db), "the one person registered and not enrolled");
        }
    }

    @Test
    void theBulkLoadOfACityDerivesThemAndLeavesTheTriggersInPlace() {
        try (Database db = Database.open(dir.resolve("city.db"), CLOCK, TestPassphrase.get())) {
            Participant before = register(db, 21);
            new SyntheticCity(db, 7, TODAY).build(80);
            assertEquals(List.of(), amiss(db));
            assertEquals(Set.of(before.id()), kept(db), "every person of the city is enrolled");
            Participant after = register(db, 22);
            assertEquals(Set.of(before.id(), after.id()), kept(db), "the triggers are back after the load");
        }
    }
}

package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.DemoCaseload;

/**
 * The search keys (every prefix of every token, V9) are derived by triggers from whatever writes
 * the tokens and names: after registering, renaming, a change from sync and a deletion, they are
 * exactly what the tokens give, and search follows the name a person has now.
 */
class ParticipantSearchTest {
    @TempDir
    Path dir;

    Database db;
    CaseloadService service;
    Coach me;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("keys.db"), DatabaseTest.CLOCK, TestPassphrase.get());
        service = new CaseloadService(db, DatabaseTest.CLOCK);
        me = new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The keys that are there but should not be, and those that should be but are not. */
    private List<String> keysAmiss() {
        String derived = "SELECT DISTINCT substr(s.token, k.start, k.n) AS key, p.sort_name, s.participant_id"
                + " FROM participant_search s JOIN participant p ON p.id = s.participant_id"
                + " JOIN search_key_part k ON k.start + k.n - 1 <= length(s.token)"
                + " AND (k.inner = 0 OR (length(s.token) = 12 AND s.token NOT GLOB '*[^0-9]*'))";
        String kept = "SELECT key, sort_name, participant_id FROM participant_key";
        return db.read(dsl -> dsl.fetch("SELECT 'extra ' || key FROM (" + kept + " EXCEPT " + derived + ")"
                        + " UNION ALL SELECT 'missing ' || key FROM (" + derived + " EXCEPT " + kept + ")")
                .getValues(0, String.class));
    }

    private Participant register(String first, String last, LocalDate born, int serial) {
        return service.register(new ParticipantDraft(
                PersonalIdentityNumber.of(born, serial, false).display(), first, last, null, null, null));
    }

    private List<String> names(String query) {
        return service.caseload(null, query).stream()
                .map(CaseloadEntry::participant)
                .map(p -> p.lastName() + ", " + p.firstName())
                .toList();
    }

    @Test
    void keysFollowEveryWriteOfNamesAndTokens() {
        new DemoCaseload(db, DatabaseTest.CLOCK).populate(5, 40, me);
        Participant anna = register("Anna-Karin", "Öberg", LocalDate.of(1985, 3, 12), 123);
        assertEquals(List.of(), keysAmiss(), "after registering");
        assertEquals(List.of("Öberg, Anna-Karin"), names("öberg anna-k"));
        assertEquals(List.of("Öberg, Anna-Karin"), names("Öberg, Anna-Karin"), "as the list shows her");

        service.update(
                anna.id(), new ParticipantDraft(anna.personalNumber().display(), "Anna", "Xylander", null, null, null));
        assertEquals(List.of(), keysAmiss(), "after a new name");
        assertEquals(List.of("Xylander, Anna"), names("xyla"));
        assertEquals(List.of(), names("öberg anna-k"), "the old name no longer finds her");
        assertEquals(List.of(), names("karin xyla"));

        // As sync does: fields changed underneath, then the derived values recomputed.
        db.write(tx -> {
            tx.dsl()
                    .execute(
                            "UPDATE participant SET last_name = 'Åxbergsdal' WHERE id = ?",
                            anna.id().toString());
            ParticipantRepository.refreshDerived(tx.dsl(), anna.id().toString());
            return null;
        });
        assertEquals(List.of(), keysAmiss(), "after a change from sync");
        assertEquals(List.of("Åxbergsdal, Anna"), names("åxb"));

        db.write(tx -> {
            tx.dsl()
                    .execute(
                            "UPDATE participant SET deleted = 1 WHERE id = ?",
                            anna.id().toString());
            ParticipantRepository.refreshDerived(tx.dsl(), anna.id().toString());
            return null;
        });
        assertEquals(List.of(), keysAmiss(), "after a deletion");
        assertEquals(List.of(), names("åxb"));
        int keys = db.read(dsl -> dsl.fetchCount(dsl.selectFrom("participant_key")
                .where("participant_id = ?", anna.id().toString())));
        assertEquals(0, keys, "no key of hers is left");
    }

    @Test
    void runsOfDigitsInsideTheNumberFollowACorrectedNumber() {
        Participant anna = register("Anna", "Öberg", LocalDate.of(1985, 3, 12), 123);
        assertEquals(List.of("Öberg, Anna"), names("0312"));
        assertEquals(List.of(), keysAmiss(), "after registering");

        service.update(
                anna.id(),
                new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1985, 7, 21), 123, false)
                                .display(),
                        "Anna",
                        "Öberg",
                        null,
                        null,
                        null));
        assertEquals(List.of(), keysAmiss(), "after a corrected number");
        assertEquals(List.of(), names("0312"), "the old birthday no longer finds her");
        assertEquals(List.of("Öberg, Anna"), names("0721"));
        int inner = db.read(dsl -> dsl.fetchCount(dsl.selectFrom("participant_key")
                .where("participant_id = ? AND key = '8507'", anna.id().toString())));
        assertEquals(1, inner, "a run from inside the number is a key");
    }

    @Test
    void theMigrationBuildsTheKeysOfADatabaseFromBefore() {
        db.close();
        Path before = dir.resolve("before.db");
        // People registered then, through the repository (the demo's meetings would name columns
        // a schema of version 7 does not have, such as a visit's place).
        String[] first = {"Åsa", "Ömer", "Elin", "Ahmed", "Märta", "Yusuf"};
        String[] last = {"Öberg", "Ekström", "Åkesson", "Haddad", "Lindqvist", "Farah"};
        try (Database seven = Database.open(before, DatabaseTest.CLOCK, TestPassphrase.get(), 7)) {
            var people = new ParticipantRepository(seven);
            seven.write(tx -> {
                for (int i = 0; i < 30; i++) {
                    people.save(
                            tx,
                            new Participant(
                                    UUID.randomUUID(),
                                    PersonalIdentityNumber.of(
                                            LocalDate.of(1970 + i, 1 + i % 12, 1 + i % 28), 100 + i, false),
                                    first[i % first.length],
                                    last[(i / first.length) % last.length],
                                    null,
                                    null,
                                    null));
                }
                return null;
            });
        }
        db = Database.open(before, DatabaseTest.CLOCK, TestPassphrase.get());
        service = new CaseloadService(db, DatabaseTest.CLOCK);
        assertEquals(List.of(), keysAmiss());
        assertEquals(30, service.caseload(null, "").size());
        String someone = service.caseload(null, "").get(0).participant().lastName();
        assertFalse(names(someone.substring(0, 1)).isEmpty(), "found by the first letter");
        String number =
                service.caseload(null, "").get(0).participant().personalNumber().normalised();
        assertFalse(names(number.substring(4, 8)).isEmpty(), "found by the month and day of the number");
    }

    @Test
    void aWordLongerThanTheKeysStillMatchesWholeTokensOnly() {
        String longName = "Abcdefghijklmnopqrstuvwxyzabcdefghijkl";
        register("Sara", longName, LocalDate.of(1990, 1, 2), 42);
        register("Sara", longName.substring(0, 33) + "zz", LocalDate.of(1990, 1, 3), 43);
        String typed = longName.substring(0, 36).toLowerCase();
        assertEquals(List.of(longName + ", Sara"), names(typed));
        assertEquals(List.of(longName + ", Sara"), names("sara " + typed));
        assertEquals(2, names(longName.substring(0, 33)).size(), "both begin with the first 33 letters");
    }

    @Test
    void aCoachSearchesOnlyTheirOpenCaseload() {
        new DemoCaseload(db, DatabaseTest.CLOCK).populate(7, 60, me);
        UUID coach = me.id();
        List<CaseloadEntry> mine = service.caseload(coach, "");
        assertFalse(mine.isEmpty());
        Participant first = mine.get(0).participant();
        String word = first.lastName().substring(0, 2);
        List<CaseloadEntry> found = service.caseload(coach, word);
        assertFalse(found.isEmpty());
        found.forEach(e -> assertEquals(coach, e.enrolment().orElseThrow().coachId()));
    }
}

package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.SwedishText;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.DemoCaseload;

/**
 * Search has two plans (few matches: by id; many: walk the names). Both must give exactly what a
 * plain filter over every participant gives, in the same order.
 */
class CaseloadQueriesTest {
    @TempDir
    static Path dir;

    static Database db;
    static Coach me;
    static List<CaseloadEntry> everyone;

    @BeforeAll
    static void fill() {
        db = Database.open(dir.resolve("search.db"), DatabaseTest.CLOCK, TestPassphrase.get());
        me = new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        new DemoCaseload(db, DatabaseTest.CLOCK).populate(3, 300, me);
        everyone = new CaseloadQueries(db).find(null, "", 10_000);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** What the search promises, computed the slow way. */
    static List<String> expected(String query, UUID coach, int limit) {
        List<String> words = Arrays.stream(query.strip().split("\\s+"))
                .map(SwedishText::queryToken)
                .toList();
        return everyone.stream()
                .filter(e -> coach == null
                        || e.enrolment()
                                .filter(en -> en.isOpen() && coach.equals(en.coachId()))
                                .isPresent())
                .filter(e -> words.stream().allMatch(w -> tokens(e).stream().anyMatch(t -> t.startsWith(w))))
                .sorted(Comparator.comparing((CaseloadEntry e) -> SwedishText.sortKey(
                                e.participant().lastName(), e.participant().firstName()))
                        .thenComparing(e -> e.participant().id().toString()))
                .limit(limit)
                .map(e -> e.participant().id().toString())
                .toList();
    }

    static List<String> tokens(CaseloadEntry e) {
        var all = new ArrayList<>(SwedishText.nameTokens(
                e.participant().firstName(), e.participant().lastName()));
        all.addAll(SwedishText.numberTokens(e.participant().personalNumber()));
        return all;
    }

    static List<String> ids(List<CaseloadEntry> entries) {
        return entries.stream().map(e -> e.participant().id().toString()).toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "an",
                "and",
                "öberg",
                "ö",
                "anna ö",
                "19",
                "198",
                "20",
                "0",
                "12",
                "hass",
                "x",
                "jovanović",
                "jovanovic",
                "ali ali",
                "s a"
            })
    void bothPlansGiveWhatAPlainFilterGives(String query) {
        for (UUID coach : new UUID[] {null, me.id()}) {
            for (int limit : new int[] {5, 500}) {
                List<String> want = expected(query, coach, limit);
                assertEquals(want, ids(new CaseloadQueries(db, 0).find(coach, query, limit)), "walk " + query);
                assertEquals(want, ids(new CaseloadQueries(db, 100_000).find(coach, query, limit)), "by id " + query);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "19"})
    void commonPrefixesReallyMatchMany(String query) {
        assertFalse(expected(query, null, 500).size() < 20, "the walk plan is exercised on a dense set");
    }
}

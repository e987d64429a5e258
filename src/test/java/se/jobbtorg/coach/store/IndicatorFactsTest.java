package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.bench.SyntheticCity;
import se.jobbtorg.coach.domain.Indicators;

/**
 * enrolment_indicator, the facts the indicators count from, holds what the enrolments and their
 * plans say now: built by the migration for a database from before it, and kept by the schema's
 * triggers through the bulk load of a city (the writes of the services and of an import are held
 * to the same in IndicatorFactsFollowTest).
 */
public class IndicatorFactsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-11-24T09:00:00Z"));
    private static final String COLUMNS = "referring_unit, enrolled_on, enrolment_id, deleted, exited_on,"
            + " exit_reason, exit_check, first_plan, first_review, last_exit, in_force_version, in_force_kinds";

    @TempDir
    Path dir;

    /** The enrolments whose kept facts are not what their records say now, as "extra id" or "missing id". */
    public static List<String> factsAmiss(Database db) {
        return KeptRows.amiss(db, "enrolment_indicator", "enrolment_indicator_derived", COLUMNS, "enrolment_id");
    }

    private static int enrolments(Database db) {
        return db.read(dsl -> dsl.fetchCount(dsl.selectFrom("enrolment")));
    }

    @Test
    void theMigrationDerivesTheFactsOfADatabaseFromBefore() {
        Path file = dir.resolve("ten.db");
        try (Database ten = Database.open(file, CLOCK, TestPassphrase.get(), 10)) {
            new SyntheticCity(ten, 5, TODAY).build(120);
        }
        try (Database db = Database.open(file, CLOCK, TestPassphrase.get())) {
            assertEquals(List.of(), factsAmiss(db));
            int kept = db.read(dsl -> dsl.fetchCount(dsl.selectFrom("enrolment_indicator")));
            assertEquals(enrolments(db), kept, "one row per enrolment");
            assertTrue(kept > 120, "a city with returns to derive: " + kept);
            Indicators.Report report = new IndicatorQueries(db).report(TODAY.minusYears(20), TODAY, TODAY, null);
            assertTrue(report.returns().count() > 0, "returns looked back across enrolments");
        }
    }

    @Test
    void theFactsFollowTheBulkLoadOfACity() {
        try (Database db = Database.open(dir.resolve("city.db"), CLOCK, TestPassphrase.get())) {
            new SyntheticCity(db, 7, TODAY).build(150);
            assertEquals(List.of(), factsAmiss(db));
            int kept = db.read(dsl -> dsl.fetchCount(dsl.selectFrom("enrolment_indicator")));
            assertEquals(enrolments(db), kept, "one row per enrolment");
        }
    }
}

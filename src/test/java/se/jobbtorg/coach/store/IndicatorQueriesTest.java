package se.jobbtorg.coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.bench.SyntheticCity;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.Indicators;

/**
 * The indicators counted in the database are the indicators of the domain's rules
 * ({@link Indicators#compute}, checked against hand-worked cases in IndicatorsTest): on generated
 * cities, for every figure, the same count and the same enrolments in the same order.
 */
class IndicatorQueriesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 16})
    void theDatabaseCountsWhatTheRulesCount(long seed) {
        try (Database db = Database.open(
                dir.resolve("city.db"), new TestClock(Instant.parse("2026-11-24T09:00:00Z")), TestPassphrase.get())) {
            new SyntheticCity(db, seed, TODAY).build(300);
            ReportQueries facts = new ReportQueries(db);
            IndicatorQueries queries = new IndicatorQueries(db);
            List<EnrolmentFacts> all = facts.facts(null);
            String unit = facts.units().get((int) (seed % facts.units().size()));
            Set<UUID> ofUnit = facts.enrolmentsOfUnit(unit);
            // Report dates at month ends and in a leap February, where a month's mark is clamped.
            List<LocalDate> reportDates =
                    List.of(TODAY, LocalDate.of(2026, 3, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2025, 8, 31));
            List<LocalDate[]> periods = List.of(
                    new LocalDate[] {TODAY.minusYears(20), TODAY},
                    new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},
                    new LocalDate[] {LocalDate.of(2023, 7, 1), LocalDate.of(2024, 6, 30)});
            int compared = 0;
            for (LocalDate reportDate : reportDates) {
                for (LocalDate[] period : periods) {
                    var expected = Indicators.compute(all, period[0], period[1], reportDate);
                    var counted = queries.report(period[0], period[1], reportDate, null);
                    assertEquals(
                            expected, counted, "the city, " + period[0] + " to " + period[1] + " on " + reportDate);
                    var expectedOfUnit = Indicators.compute(
                            all, period[0], period[1], reportDate, e -> ofUnit.contains(e.enrolmentId()));
                    var countedOfUnit = queries.report(period[0], period[1], reportDate, unit);
                    assertEquals(expectedOfUnit, countedOfUnit, unit + ", " + period[0] + " on " + reportDate);
                    compared += expected.enrolled().count();
                }
            }
            assertTrue(compared > 300, "the periods hold enrolments to compare: " + compared);
        }
    }

    @Test
    void anEmptyPeriodCountsNothing() {
        try (Database db = Database.open(
                dir.resolve("empty.db"), new TestClock(Instant.parse("2026-11-24T09:00:00Z")), TestPassphrase.get())) {
            var counted = new IndicatorQueries(db).report(TODAY.minusYears(1), TODAY, TODAY, null);
            assertEquals(Indicators.compute(List.of(), TODAY.minusYears(1), TODAY, TODAY), counted);
        }
    }

    @Test
    void theFirstDayNotPastItsMarkSplitsEveryDayAsPlusMonthsDoes() {
        for (LocalDate day = LocalDate.of(2023, 12, 1);
                day.isBefore(LocalDate.of(2025, 3, 31));
                day = day.plusDays(1)) {
            for (int months : List.of(1, 3, 6, 12, 18)) {
                LocalDate first = Indicators.firstNotPassed(day, months);
                for (LocalDate d = first.minusDays(40); d.isBefore(first.plusDays(40)); d = d.plusDays(1)) {
                    assertEquals(
                            d.plusMonths(months).isBefore(day),
                            d.isBefore(first),
                            d + " plus " + months + " months, on " + day);
                }
            }
        }
    }
}

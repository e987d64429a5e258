package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.PeriodPreset.Period;

/** The summary's period presets: calendar months, quarters and years, from a today passed in. */
class PeriodPresetTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static Period p(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void eachPresetOnAnOrdinaryDay() {
        assertEquals(p("2026-11-01", "2026-11-30"), PeriodPreset.THIS_MONTH.period(TODAY));
        assertEquals(p("2026-10-01", "2026-10-31"), PeriodPreset.LAST_MONTH.period(TODAY));
        assertEquals(p("2026-10-01", "2026-12-31"), PeriodPreset.THIS_QUARTER.period(TODAY));
        assertEquals(p("2026-01-01", "2026-12-31"), PeriodPreset.THIS_YEAR.period(TODAY));
        assertEquals(p("2025-01-01", "2025-12-31"), PeriodPreset.LAST_YEAR.period(TODAY));
    }

    @Test
    void lastMonthInJanuaryIsDecemberOfTheYearBefore() {
        assertEquals(p("2025-12-01", "2025-12-31"), PeriodPreset.LAST_MONTH.period(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void lastMonthFromTheThirtyFirstIsTheWholeShorterMonth() {
        assertEquals(p("2024-02-01", "2024-02-29"), PeriodPreset.LAST_MONTH.period(LocalDate.of(2024, 3, 31)));
        assertEquals(p("2026-02-01", "2026-02-28"), PeriodPreset.LAST_MONTH.period(LocalDate.of(2026, 3, 31)));
    }

    @Test
    void quartersRunJanuaryToMarchAndSoOn() {
        assertEquals(p("2026-01-01", "2026-03-31"), PeriodPreset.THIS_QUARTER.period(LocalDate.of(2026, 1, 1)));
        assertEquals(p("2026-01-01", "2026-03-31"), PeriodPreset.THIS_QUARTER.period(LocalDate.of(2026, 3, 31)));
        assertEquals(p("2026-04-01", "2026-06-30"), PeriodPreset.THIS_QUARTER.period(LocalDate.of(2026, 4, 1)));
        assertEquals(p("2026-07-01", "2026-09-30"), PeriodPreset.THIS_QUARTER.period(LocalDate.of(2026, 8, 31)));
        assertEquals(p("2026-10-01", "2026-12-31"), PeriodPreset.THIS_QUARTER.period(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void theYearsOnNewYearsEveAndDay() {
        assertEquals(p("2026-01-01", "2026-12-31"), PeriodPreset.THIS_YEAR.period(LocalDate.of(2026, 12, 31)));
        assertEquals(p("2025-01-01", "2025-12-31"), PeriodPreset.LAST_YEAR.period(LocalDate.of(2026, 1, 1)));
    }

    @Test
    void datesThatMatchAPresetNameIt() {
        assertEquals(
                PeriodPreset.LAST_MONTH, PeriodPreset.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), TODAY));
        assertNull(PeriodPreset.of(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 31), TODAY));
    }
}

package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The periods a team lead asks for most often, in calendar terms: months from the first to the
 * last day, quarters January–March, April–June, July–September and October–December, years from
 * 1 January to 31 December. The current month, quarter and year end on their last day, so that a
 * report for "this month" made on the 24th covers the whole month (the days after today simply
 * have no enrolments yet). Today is passed in: the rule never reads the clock.
 */
public enum PeriodPreset {
    THIS_MONTH,
    LAST_MONTH,
    THIS_QUARTER,
    THIS_YEAR,
    LAST_YEAR;

    /** A period from its first day to its last, both included. */
    public record Period(LocalDate from, LocalDate to) {}

    public Period period(LocalDate today) {
        return switch (this) {
            case THIS_MONTH -> month(today);
            case LAST_MONTH -> month(today.minusMonths(1));
            case THIS_QUARTER -> {
                LocalDate first = today.withDayOfMonth(1).withMonth(3 * ((today.getMonthValue() - 1) / 3) + 1);
                yield new Period(first, first.plusMonths(3).minusDays(1));
            }
            case THIS_YEAR -> year(today.getYear());
            case LAST_YEAR -> year(today.getYear() - 1);
        };
    }

    /** The preset whose period is exactly this one, if any (the box shows it when the dates match). */
    public static PeriodPreset of(LocalDate from, LocalDate to, LocalDate today) {
        for (PeriodPreset p : values()) {
            Period period = p.period(today);
            if (period.from().equals(from) && period.to().equals(to)) {
                return p;
            }
        }
        return null;
    }

    private static Period month(LocalDate day) {
        return new Period(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    private static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}

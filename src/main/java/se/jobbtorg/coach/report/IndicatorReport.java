package se.jobbtorg.coach.report;

import java.time.Clock;
import java.time.LocalDate;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.ReportQueries;

/** The indicators for a period (and optionally one referring unit), measured today. */
public final class IndicatorReport {
    private final ReportQueries queries;
    private final Clock clock;

    public IndicatorReport(Database db, Clock clock) {
        this.queries = new ReportQueries(db);
        this.clock = clock;
    }

    /** The facts the figures are counted from, for the basis sheet of an export. */
    public java.util.List<se.jobbtorg.coach.domain.EnrolmentFacts> facts(String referringUnit) {
        return queries.facts(referringUnit);
    }

    public Indicators.Report compute(LocalDate from, LocalDate to, String referringUnit) {
        return Indicators.compute(queries.facts(referringUnit), from, to, LocalDate.now(clock));
    }

    /** One enrolment behind a figure, as the list shows it. */
    public record Line(String name, String number, LocalDate enrolledOn, LocalDate exitedOn,
            se.jobbtorg.coach.domain.ExitReason reason) {
    }

    /** The people behind a figure, by name in Swedish order. */
    public java.util.List<Line> behind(java.util.List<java.util.UUID> enrolments) {
        return queries.lines(enrolments).stream()
                .map(l -> new Line(l.name(), l.number(), l.enrolledOn(), l.exitedOn(), l.reason())).toList();
    }

    public java.util.List<String> units() {
        return queries.units();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}

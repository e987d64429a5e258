package se.jobbtorg.coach.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.ExitReason;
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

    /** A report and the facts it was counted from, for exports that show both. */
    public record Computed(Indicators.Report report, List<EnrolmentFacts> facts, String unit) {}

    public Indicators.Report compute(LocalDate from, LocalDate to, String referringUnit) {
        return computeWithFacts(from, to, referringUnit).report();
    }

    /**
     * Every enrolment is read, so that returns look back across units; the unit only limits the
     * enrolments counted.
     */
    public Computed computeWithFacts(LocalDate from, LocalDate to, String referringUnit) {
        var all = queries.facts(null);
        var inUnit = referringUnit == null ? null : queries.enrolmentsOfUnit(referringUnit);
        var report = Indicators.compute(
                all, from, to, LocalDate.now(clock), e -> inUnit == null || inUnit.contains(e.enrolmentId()));
        return new Computed(
                report,
                inUnit == null
                        ? all
                        : all.stream()
                                .filter(e -> inUnit.contains(e.enrolmentId()))
                                .toList(),
                referringUnit);
    }

    /** One enrolment behind a figure, as the list shows it. */
    public record Line(String name, String number, LocalDate enrolledOn, LocalDate exitedOn, ExitReason reason) {}

    /** The people behind a figure, by name in Swedish order. */
    public List<Line> behind(List<UUID> enrolments) {
        return queries.lines(enrolments).stream()
                .map(l -> new Line(l.name(), l.number(), l.enrolledOn(), l.exitedOn(), l.reason()))
                .toList();
    }

    public List<String> units() {
        return queries.units();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}

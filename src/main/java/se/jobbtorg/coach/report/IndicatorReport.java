package se.jobbtorg.coach.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import se.jobbtorg.coach.domain.AuditAction;
import se.jobbtorg.coach.domain.AuditEntry.About;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.store.AuditTrail;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.IndicatorQueries;
import se.jobbtorg.coach.store.ReportQueries;

/** The indicators for a period (and optionally one referring unit), measured today. */
public final class IndicatorReport {
    private final ReportQueries queries;
    private final IndicatorQueries indicators;
    private final Clock clock;
    private final Database db;

    public IndicatorReport(Database db, Clock clock) {
        this.db = db;
        this.queries = new ReportQueries(db);
        this.indicators = new IndicatorQueries(db);
        this.clock = clock;
    }

    /**
     * A report and the unit it was counted for, with the facts behind it for the exports that
     * show both. The facts are read when an export asks (every enrolment of the unit: at city
     * scale they are not held while the figures are only looked at).
     */
    public record Computed(Indicators.Report report, String unit, Supplier<List<EnrolmentFacts>> factsReader) {
        /** Every enrolment the figures may look at (those of the unit, when one was chosen), read now. */
        public List<EnrolmentFacts> facts() {
            return factsReader.get();
        }
    }

    public Indicators.Report compute(LocalDate from, LocalDate to, String referringUnit) {
        return computeWithFacts(from, to, referringUnit).report();
    }

    /**
     * Counted in the database ({@link IndicatorQueries}); a return still looks back across units,
     * the unit only limits the enrolments counted.
     */
    public Computed computeWithFacts(LocalDate from, LocalDate to, String referringUnit) {
        var report = indicators.report(from, to, LocalDate.now(clock), referringUnit);
        return new Computed(report, referringUnit, () -> queries.facts(referringUnit));
    }

    /** One enrolment behind a figure, as the list shows it. */
    public record Line(
            UUID participantId,
            String name,
            String number,
            LocalDate enrolledOn,
            LocalDate exitedOn,
            ExitReason reason) {}

    /** The people behind a figure, by name in Swedish order: a reading, written to the audit trail. */
    public List<Line> behind(List<UUID> enrolments) {
        List<Line> lines = queries.lines(enrolments).stream()
                .map(l -> new Line(l.participantId(), l.name(), l.number(), l.enrolledOn(), l.exitedOn(), l.reason()))
                .toList();
        made(AuditAction.Report.ENROLMENTS_BEHIND);
        return lines;
    }

    /** Writes to the audit trail that a report was made (or shown) from the records. */
    public void made(AuditAction.Report kind) {
        db.write(tx -> AuditTrail.record(tx, AuditAction.REPORT_MADE, About.detail(kind.code())));
    }

    public List<String> units() {
        return queries.units();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}

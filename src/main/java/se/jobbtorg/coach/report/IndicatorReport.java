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

    public Indicators.Report compute(LocalDate from, LocalDate to, String referringUnit) {
        return Indicators.compute(queries.facts(referringUnit), from, to, LocalDate.now(clock));
    }
}

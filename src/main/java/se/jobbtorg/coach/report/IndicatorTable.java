package se.jobbtorg.coach.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.domain.SelfSupport;
import se.jobbtorg.coach.i18n.I18n;

/**
 * The indicators as rows a person reads: section, figure, value, numerator, denominator, the
 * definition in words, and the enrolments behind the figure. The screen and every export use it.
 */
public final class IndicatorTable {

    /** What a figure's number is. */
    public enum Unit {
        COUNT,
        DAYS,
        SHARE,
        POINTS;

        /** The key of the unit's name as the screen shows it beside the value: antal, dagar, %. */
        public String key() {
            return switch (this) {
                case COUNT -> "report.measure.count";
                case DAYS -> "report.measure.days";
                case SHARE -> "report.measure.share";
                case POINTS -> "report.measure.points";
            };
        }
    }

    /**
     * One figure. number is a count or whole days, or for SHARE and POINTS a fraction (0.25 is
     * 25 % or 25 percentage points); null when there is nothing to count, or when the figure
     * rests on fewer than five people in an export for outside the unit: then mark says so
     * ({@link SmallNumbers}), and numerator and denominator may be marks too.
     */
    public record Row(
            String section,
            String figure,
            Unit unit,
            Double number,
            String numerator,
            String denominator,
            String definition,
            Indicators.Figure behind,
            String mark) {

        public Row(
                String section,
                String figure,
                Unit unit,
                Double number,
                String numerator,
                String denominator,
                String definition,
                Indicators.Figure behind) {
            this(section, figure, unit, number, numerator, denominator, definition, behind, null);
        }

        /** The number as a person reads it: whole, or per cent with one decimal and a decimal comma. */
        public String value() {
            if (mark != null) {
                return mark;
            }
            if (number == null) {
                return "";
            }
            return unit == Unit.SHARE || unit == Unit.POINTS ? percent(number) : Long.toString(Math.round(number));
        }
    }

    private final I18n i18n;
    private final boolean suppress;

    /** The real numbers: for the screen and for internal use. */
    public IndicatorTable(I18n i18n) {
        this(i18n, false);
    }

    /** suppress: counts of 1 to 4 people as "&lt; 5" and what would reveal them as "x" (decision 0015). */
    public IndicatorTable(I18n i18n, boolean suppress) {
        this.i18n = i18n;
        this.suppress = suppress;
    }

    public List<Row> rows(Indicators.Report r) {
        List<Row> rows = new ArrayList<>();
        String volume = i18n.get("report.section.volume");
        rows.add(count(volume, i18n.get("report.enrolled"), r.enrolled(), i18n.get("report.enrolled.definition")));
        rows.add(count(volume, i18n.get("report.active"), r.active(), i18n.get("report.active.definition")));
        String exits = i18n.get("report.section.exits");
        List<String> exitCells = exitCells(r);
        for (ExitReason reason : ExitReason.values()) {
            rows.add(marked(
                    count(exits, i18n.of(reason), r.exitsByReason().get(reason), i18n.get("report.exits.definition")),
                    exitCells.get(reason.ordinal())));
        }
        Row unknown =
                share(exits, i18n.get("report.unknown"), r.unknownReason(), i18n.get("report.unknown.definition"));
        if (suppress && SmallNumbers.HIDDEN.equals(exitCells.get(ExitReason.UNKNOWN.ordinal()))) {
            // The unknown exits were left out to protect another reason: not here either.
            unknown = new Row(
                    unknown.section(),
                    unknown.figure(),
                    unknown.unit(),
                    null,
                    SmallNumbers.HIDDEN,
                    unknown.denominator(),
                    unknown.definition(),
                    unknown.behind(),
                    SmallNumbers.HIDDEN);
        }
        rows.add(unknown);
        String selfSupport = i18n.get("report.section.selfSupport");
        for (var at : r.selfSupport()) {
            boolean bothShown = true;
            for (SelfSupport definition : SelfSupport.values()) {
                bothShown &= !suppress
                        || SmallNumbers.share(
                                        at.shares().get(definition).numerator().count(),
                                        at.shares()
                                                .get(definition)
                                                .denominator()
                                                .count())
                                .shown();
                rows.add(share(
                        selfSupport,
                        i18n.get("report.selfSupport." + definition.code(), at.months()),
                        at.shares().get(definition),
                        i18n.get("report.selfSupport." + definition.code() + ".definition", at.months())));
            }
            Row gap = new Row(
                    selfSupport,
                    i18n.get("report.selfSupport.gap", at.months()),
                    Unit.POINTS,
                    at.gap(),
                    "",
                    "",
                    i18n.get("report.selfSupport.gap.definition"),
                    Indicators.Figure.NONE);
            rows.add(bothShown ? gap : marked(gap, SmallNumbers.HIDDEN));
            rows.add(count(
                    selfSupport,
                    i18n.get("report.selfSupport.notYet", at.months()),
                    at.notYetMeasurable(),
                    i18n.get("report.selfSupport.notYet.definition", at.months())));
        }
        rows.add(share(
                selfSupport,
                i18n.get("report.resultAtExit"),
                r.resultAtExit(),
                i18n.get("report.resultAtExit.definition")));
        rows.add(count(
                selfSupport,
                i18n.get("report.exitsNotChecked"),
                r.exitsNotChecked(),
                i18n.get("report.exitsNotChecked.definition")));
        String process = i18n.get("report.section.process");
        rows.add(count(process, i18n.get("report.returns"), r.returns(), i18n.get("report.returns.definition")));
        // A median of one to four people's days is nearly their own days.
        rows.add(marked(
                new Row(
                        process,
                        i18n.get("report.daysToReturn"),
                        Unit.DAYS,
                        days(r.medianDaysToReturn()),
                        "",
                        "",
                        i18n.get("report.daysToReturn.definition"),
                        r.returns()),
                SmallNumbers.small(r.returns().count()) ? SmallNumbers.HIDDEN : null));
        // Those with an approved plan are not counted apart: the period's enrolments bound them.
        rows.add(marked(
                new Row(
                        process,
                        i18n.get("report.daysToPlan"),
                        Unit.DAYS,
                        days(r.medianDaysToApprovedPlan()),
                        "",
                        "",
                        i18n.get("report.daysToPlan.definition"),
                        Indicators.Figure.NONE),
                SmallNumbers.small(r.enrolled().count()) ? SmallNumbers.HIDDEN : null));
        rows.add(share(
                process,
                i18n.get("report.planWithinFive"),
                r.planWithinFiveDays(),
                i18n.get("report.planWithinFive.definition")));
        rows.add(share(
                process,
                i18n.get("report.reviewOnTime"),
                r.reviewOnTime(),
                i18n.get("report.reviewOnTime.definition")));
        String activities = i18n.get("report.section.activities");
        for (var entry : r.activitiesByKind().entrySet()) {
            rows.add(count(
                    activities, i18n.of(entry.getKey()), entry.getValue(), i18n.get("report.activities.definition")));
        }
        return rows;
    }

    /** The exits by reason, in the order of the reasons, as they leave the program. */
    List<String> exitCells(Indicators.Report r) {
        List<Integer> counts = new ArrayList<>();
        for (ExitReason reason : ExitReason.values()) {
            counts.add(r.exitsByReason().get(reason).count());
        }
        if (!suppress) {
            return counts.stream().map(String::valueOf).toList();
        }
        return SmallNumbers.parts(r.unknownReason().denominator().count(), counts);
    }

    /** The row with its value as the cell says, when the cell is a mark (and marks are written). */
    private Row marked(Row row, String cell) {
        if (!suppress || cell == null || !SmallNumbers.marked(cell)) {
            return row;
        }
        return new Row(
                row.section(),
                row.figure(),
                row.unit(),
                null,
                row.numerator(),
                row.denominator(),
                row.definition(),
                row.behind(),
                cell);
    }

    private Row count(String section, String name, Indicators.Figure f, String definition) {
        Row row = new Row(section, name, Unit.COUNT, (double) f.count(), "", "", definition, f);
        return marked(row, SmallNumbers.count(f.count()));
    }

    private Row share(String section, String name, Indicators.Share s, String definition) {
        if (suppress) {
            var cells =
                    SmallNumbers.share(s.numerator().count(), s.denominator().count());
            if (!cells.shown()) {
                return new Row(
                        section,
                        name,
                        Unit.SHARE,
                        null,
                        cells.numerator(),
                        cells.denominator(),
                        definition,
                        s.numerator(),
                        SmallNumbers.HIDDEN);
            }
        }
        return new Row(
                section,
                name,
                Unit.SHARE,
                s.value(),
                Integer.toString(s.numerator().count()),
                Integer.toString(s.denominator().count()),
                definition,
                s.numerator());
    }

    /** A share in per cent with one decimal and a decimal comma; empty when there is nothing to divide. */
    static String percent(double share) {
        return String.format(Locale.forLanguageTag("sv-SE"), "%.1f", share * 100);
    }

    private static Double days(Integer n) {
        return n == null ? null : n.doubleValue();
    }
}

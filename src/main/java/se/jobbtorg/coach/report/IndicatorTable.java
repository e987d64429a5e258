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
        POINTS
    }

    /**
     * One figure. number is a count or whole days, or for SHARE and POINTS a fraction (0.25 is
     * 25 % or 25 percentage points); null when there is nothing to count. value is it as text.
     */
    public record Row(
            String section,
            String figure,
            Unit unit,
            Double number,
            String numerator,
            String denominator,
            String definition,
            Indicators.Figure behind) {

        /** The number as a person reads it: whole, or per cent with one decimal and a decimal comma. */
        public String value() {
            if (number == null) {
                return "";
            }
            return unit == Unit.SHARE || unit == Unit.POINTS ? percent(number) : Long.toString(Math.round(number));
        }
    }

    private final I18n i18n;

    public IndicatorTable(I18n i18n) {
        this.i18n = i18n;
    }

    public List<Row> rows(Indicators.Report r) {
        List<Row> rows = new ArrayList<>();
        String volume = i18n.get("report.section.volume");
        rows.add(count(volume, i18n.get("report.enrolled"), r.enrolled(), i18n.get("report.enrolled.definition")));
        rows.add(count(volume, i18n.get("report.active"), r.active(), i18n.get("report.active.definition")));
        String exits = i18n.get("report.section.exits");
        for (ExitReason reason : ExitReason.values()) {
            rows.add(count(exits, i18n.of(reason), r.exitsByReason().get(reason), i18n.get("report.exits.definition")));
        }
        rows.add(share(exits, i18n.get("report.unknown"), r.unknownReason(), i18n.get("report.unknown.definition")));
        String selfSupport = i18n.get("report.section.selfSupport");
        for (var at : r.selfSupport()) {
            for (SelfSupport definition : SelfSupport.values()) {
                rows.add(share(
                        selfSupport,
                        i18n.get("report.selfSupport." + definition.code(), at.months()),
                        at.shares().get(definition),
                        i18n.get("report.selfSupport." + definition.code() + ".definition", at.months())));
            }
            rows.add(new Row(
                    selfSupport,
                    i18n.get("report.selfSupport.gap", at.months()),
                    Unit.POINTS,
                    at.gap(),
                    "",
                    "",
                    i18n.get("report.selfSupport.gap.definition"),
                    Indicators.Figure.NONE));
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
        rows.add(new Row(
                process,
                i18n.get("report.daysToReturn"),
                Unit.DAYS,
                days(r.medianDaysToReturn()),
                "",
                "",
                i18n.get("report.daysToReturn.definition"),
                r.returns()));
        rows.add(new Row(
                process,
                i18n.get("report.daysToPlan"),
                Unit.DAYS,
                days(r.medianDaysToApprovedPlan()),
                "",
                "",
                i18n.get("report.daysToPlan.definition"),
                Indicators.Figure.NONE));
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

    private static Row count(String section, String name, Indicators.Figure f, String definition) {
        return new Row(section, name, Unit.COUNT, (double) f.count(), "", "", definition, f);
    }

    private static Row share(String section, String name, Indicators.Share s, String definition) {
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

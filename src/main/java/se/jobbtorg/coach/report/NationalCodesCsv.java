package se.jobbtorg.coach.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.apache.commons.csv.CSVPrinter;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.domain.SocialstyrelsenCodes;
import se.jobbtorg.coach.domain.SocialstyrelsenCodes.NationalActivity;
import se.jobbtorg.coach.domain.SocialstyrelsenCodes.NationalExit;
import se.jobbtorg.coach.i18n.I18n;

/**
 * Exits and activities grouped by Socialstyrelsen's categories (HSLF-FS 2015:30, annexes 1 and 2),
 * as a CSV in the same form as {@link IndicatorCsv}. Each row names our reasons or kinds it holds
 * with their counts, so the count is their sum and every share can be recomputed; categories
 * without a national counterpart are rows too, so that the exit rows add up to the denominator.
 */
public final class NationalCodesCsv {
    private final I18n i18n;

    public NationalCodesCsv(I18n i18n) {
        this.i18n = i18n;
    }

    /** One row: a national category, its code (if verified), count, denominator, share and what it holds. */
    public record Row(
            String section,
            String category,
            String code,
            int count,
            Integer denominator,
            String includes,
            String definition) {

        /** The share in per cent with a decimal comma; empty without a denominator or with one of zero. */
        public String share() {
            return denominator == null || denominator == 0 ? "" : IndicatorTable.percent(count / (double) denominator);
        }
    }

    public List<Row> rows(Indicators.Report r) {
        List<Row> rows = new ArrayList<>();
        String exits = i18n.get("report.national.section.exits");
        int allExits = r.unknownReason().denominator().count();
        for (NationalExit category : NationalExit.values()) {
            int count = 0;
            StringJoiner includes = new StringJoiner("; ");
            for (ExitReason reason : ExitReason.values()) {
                if (SocialstyrelsenCodes.of(reason) == category) {
                    int n = r.exitsByReason().get(reason).count();
                    count += n;
                    includes.add(i18n.of(reason) + ": " + n);
                }
            }
            rows.add(new Row(
                    exits,
                    i18n.of(category),
                    code(category.hasCounterpart(), category.officialCode()),
                    count,
                    allExits,
                    includes.toString(),
                    i18n.get(
                            category.hasCounterpart()
                                    ? "report.national.exits.definition"
                                    : "report.national.exits.none.definition")));
        }
        String activities = i18n.get("report.national.section.activities");
        int enrolled = r.enrolled().count();
        for (NationalActivity category : NationalActivity.values()) {
            int count = 0;
            Set<UUID> withOne = new LinkedHashSet<>();
            StringJoiner includes = new StringJoiner("; ");
            for (var entry : r.activitiesByKind().entrySet()) {
                ActivityKind kind = entry.getKey();
                if (SocialstyrelsenCodes.of(kind) == category) {
                    int n = entry.getValue().count();
                    count += n;
                    withOne.addAll(entry.getValue().enrolments());
                    includes.add(i18n.of(kind) + ": " + n);
                }
            }
            String name = i18n.of(category);
            String code = code(category.hasCounterpart(), category.officialCode());
            rows.add(new Row(
                    activities,
                    i18n.get("report.national.activities.count", name),
                    code,
                    count,
                    null,
                    includes.toString(),
                    i18n.get("report.national.activities.count.definition")));
            rows.add(new Row(
                    activities,
                    i18n.get("report.national.activities.enrolments", name),
                    code,
                    withOne.size(),
                    enrolled,
                    "",
                    i18n.get("report.national.activities.enrolments.definition")));
        }
        return rows;
    }

    private String code(boolean counterpart, Optional<String> official) {
        return counterpart ? official.orElse(i18n.get("report.national.noCode")) : "";
    }

    /** Writes the file whole or not at all: a temporary file moved into place. */
    public void write(Indicators.Report report, String unit, Path out) throws IOException {
        IndicatorCsv.writeWhole(out, writer -> write(report, unit, writer));
    }

    void write(Indicators.Report report, String unit, Appendable out) throws IOException {
        // Not closed here: closing the printer would close the caller's writer before it is flushed.
        CSVPrinter csv = new CSVPrinter(out, IndicatorCsv.format());
        csv.printRecord(i18n.get("report.national.title"));
        csv.printRecord(i18n.get("report.period"), i18n.date(report.from()), i18n.date(report.to()));
        csv.printRecord(i18n.get("report.measuredOn"), i18n.date(report.reportDate()));
        csv.printRecord(i18n.get("report.unit"), IndicatorCsv.safe(unit == null ? i18n.get("report.allUnits") : unit));
        // Short lines: a spreadsheet sizes the column to its longest cell, and the dates sit in it too.
        csv.printRecord(i18n.get("report.national.source"), i18n.get("report.national.source.law"));
        csv.printRecord("", i18n.get("report.national.source.annexes"));
        csv.printRecord("", i18n.get("report.national.source.codes"));
        csv.printRecord("", i18n.get("report.national.source.grouping"));
        csv.println();
        csv.printRecord(
                i18n.get("report.column.section"),
                i18n.get("report.national.column.category"),
                i18n.get("report.national.column.code"),
                i18n.get("report.national.column.count"),
                i18n.get("report.column.denominator"),
                i18n.get("report.national.column.share"),
                i18n.get("report.national.column.includes"),
                i18n.get("report.column.definition"));
        for (Row row : rows(report)) {
            csv.printRecord(
                    row.section(),
                    row.category(),
                    row.code(),
                    row.count(),
                    row.denominator() == null ? "" : row.denominator(),
                    row.share(),
                    row.includes(),
                    row.definition());
        }
        csv.flush();
    }
}

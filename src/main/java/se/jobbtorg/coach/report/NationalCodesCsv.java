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

    /**
     * One row: a national category, its code (if verified), count, denominator, share and what it
     * holds. countCell and denominatorCell are the counts as written: themselves, or "&lt; 5" and
     * "x" in a file for outside the unit (decision 0015).
     */
    public record Row(
            String section,
            String category,
            String code,
            int count,
            Integer denominator,
            String includes,
            String definition,
            String countCell,
            String denominatorCell) {

        public Row(
                String section,
                String category,
                String code,
                int count,
                Integer denominator,
                String includes,
                String definition) {
            this(
                    section,
                    category,
                    code,
                    count,
                    denominator,
                    includes,
                    definition,
                    Integer.toString(count),
                    denominator == null ? "" : denominator.toString());
        }

        /**
         * The share in per cent with a decimal comma; empty without a denominator or with one of
         * zero; "x" when either count is left out.
         */
        public String share() {
            if (denominator == null || denominator == 0) {
                return "";
            }
            if (SmallNumbers.marked(countCell) || SmallNumbers.marked(denominatorCell)) {
                return SmallNumbers.HIDDEN;
            }
            return IndicatorTable.percent(count / (double) denominator);
        }
    }

    /** The real numbers. */
    public List<Row> rows(Indicators.Report r) {
        return rows(r, true);
    }

    /** internal: the real numbers; otherwise small numbers left out, what would reveal them too. */
    public List<Row> rows(Indicators.Report r, boolean internal) {
        List<Row> rows = new ArrayList<>();
        String exits = i18n.get("report.national.section.exits");
        int allExits = r.unknownReason().denominator().count();
        // Our reasons as the indicators' own file writes them, so that the two files agree.
        List<String> reasonCells = new IndicatorTable(i18n, !internal).exitCells(r);
        List<Integer> categoryCounts = new ArrayList<>();
        List<String> categoryCells = new ArrayList<>();
        List<List<ExitReason>> held = new ArrayList<>();
        for (NationalExit category : NationalExit.values()) {
            int count = 0;
            List<ExitReason> reasons = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            for (ExitReason reason : ExitReason.values()) {
                if (SocialstyrelsenCodes.of(reason) == category) {
                    int n = r.exitsByReason().get(reason).count();
                    count += n;
                    reasons.add(reason);
                    counts.add(n);
                    cells.add(reasonCells.get(reason.ordinal()));
                }
            }
            held.add(reasons);
            categoryCounts.add(count);
            categoryCells.add(internal ? Integer.toString(count) : SmallNumbers.sum(count, counts, cells));
        }
        // The categories add up to every exit: one left out must not be every exit less the rest.
        int protectedCategory = internal ? -1 : SmallNumbers.protect(allExits, categoryCounts, categoryCells);
        String allExitsCell = internal ? Integer.toString(allExits) : SmallNumbers.count(allExits);
        for (NationalExit category : NationalExit.values()) {
            int i = category.ordinal();
            StringJoiner includes = new StringJoiner("; ");
            for (ExitReason reason : held.get(i)) {
                int n = r.exitsByReason().get(reason).count();
                // A category left out to protect another: its reasons would add up to it.
                String cell = i == protectedCategory && n > 0 ? SmallNumbers.HIDDEN : reasonCells.get(reason.ordinal());
                includes.add(i18n.of(reason) + ": " + cell);
            }
            rows.add(new Row(
                    exits,
                    i18n.of(category),
                    code(category.hasCounterpart(), category.officialCode()),
                    categoryCounts.get(i),
                    allExits,
                    includes.toString(),
                    i18n.get(
                            category.hasCounterpart()
                                    ? "report.national.exits.definition"
                                    : "report.national.exits.none.definition"),
                    categoryCells.get(i),
                    allExitsCell));
        }
        String activities = i18n.get("report.national.section.activities");
        int enrolled = r.enrolled().count();
        for (NationalActivity category : NationalActivity.values()) {
            int count = 0;
            Set<UUID> withOne = new LinkedHashSet<>();
            StringJoiner includes = new StringJoiner("; ");
            List<Integer> counts = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            for (var entry : r.activitiesByKind().entrySet()) {
                ActivityKind kind = entry.getKey();
                if (SocialstyrelsenCodes.of(kind) == category) {
                    int n = entry.getValue().count();
                    count += n;
                    withOne.addAll(entry.getValue().enrolments());
                    String cell = internal ? Integer.toString(n) : SmallNumbers.count(n);
                    counts.add(n);
                    cells.add(cell);
                    includes.add(i18n.of(kind) + ": " + cell);
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
                    i18n.get("report.national.activities.count.definition"),
                    internal ? Integer.toString(count) : SmallNumbers.sum(count, counts, cells),
                    ""));
            var share = SmallNumbers.share(withOne.size(), enrolled);
            rows.add(new Row(
                    activities,
                    i18n.get("report.national.activities.enrolments", name),
                    code,
                    withOne.size(),
                    enrolled,
                    "",
                    i18n.get("report.national.activities.enrolments.definition"),
                    internal ? Integer.toString(withOne.size()) : share.numerator(),
                    internal ? Integer.toString(enrolled) : share.denominator()));
        }
        return rows;
    }

    private String code(boolean counterpart, Optional<String> official) {
        return counterpart ? official.orElse(i18n.get("report.national.noCode")) : "";
    }

    /** Writes the file whole or not at all, small numbers left out (for outside the unit). */
    public void write(Indicators.Report report, String unit, Path out) throws IOException {
        write(report, unit, out, false);
    }

    /** Writes the file whole or not at all: a temporary file moved into place. internal: the real numbers. */
    public void write(Indicators.Report report, String unit, Path out, boolean internal) throws IOException {
        IndicatorCsv.writeWhole(out, writer -> write(report, unit, internal, writer));
    }

    void write(Indicators.Report report, String unit, boolean internal, Appendable out) throws IOException {
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
        IndicatorCsv.smallNumbers(csv, i18n, internal);
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
        for (Row row : rows(report, internal)) {
            csv.printRecord(
                    row.section(),
                    row.category(),
                    row.code(),
                    row.countCell(),
                    row.denominatorCell(),
                    row.share(),
                    row.includes(),
                    row.definition());
        }
        csv.flush();
    }
}

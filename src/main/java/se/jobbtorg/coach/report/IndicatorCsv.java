package se.jobbtorg.coach.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.domain.SelfSupport;
import se.jobbtorg.coach.i18n.I18n;

/**
 * The indicators as a CSV file a spreadsheet opens right: UTF-8 with a byte-order mark (so Excel
 * reads å, ä, ö), semicolons (the list separator where the decimal mark is a comma), one row per
 * figure with its numerator, its denominator and its definition in words, so that a reader can
 * recompute every figure. Text that could start a formula is neutralised (OWASP CSV injection).
 */
public final class IndicatorCsv {
    private static final char BOM = '\uFEFF';
    private final I18n i18n;

    public IndicatorCsv(I18n i18n) {
        this.i18n = i18n;
    }

    /** Writes the file whole or not at all: a temporary file moved into place. */
    public void write(Indicators.Report report, String unit, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".indicators", ".tmp");
        try {
            try (OutputStream stream = Files.newOutputStream(temp);
                    Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
                writer.write(BOM);
                write(report, unit, writer);
                writer.flush();
                stream.flush();
            }
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    void write(Indicators.Report report, String unit, Appendable out) throws IOException {
        // Not closed here: closing the printer would close the caller's writer before it is flushed.
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get());
        {
            csv.printRecord(i18n.get("report.title"));
            csv.printRecord(i18n.get("report.period"), i18n.date(report.from()), i18n.date(report.to()));
            csv.printRecord(i18n.get("report.measuredOn"), i18n.date(report.reportDate()));
            csv.printRecord(i18n.get("report.unit"), safe(unit == null ? i18n.get("report.allUnits") : unit));
            csv.println();
            csv.printRecord(i18n.get("report.column.section"), i18n.get("report.column.figure"),
                    i18n.get("report.column.value"), i18n.get("report.column.numerator"),
                    i18n.get("report.column.denominator"), i18n.get("report.column.definition"));
            for (List<String> row : rows(report)) {
                csv.printRecord(row);
            }
            csv.flush();
        }
    }

    List<List<String>> rows(Indicators.Report r) {
        List<List<String>> rows = new ArrayList<>();
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
                rows.add(share(selfSupport, i18n.get("report.selfSupport." + definition.code(), at.months()),
                        at.shares().get(definition), i18n.get("report.selfSupport." + definition.code() + ".definition",
                                at.months())));
            }
            rows.add(List.of(selfSupport, i18n.get("report.selfSupport.gap", at.months()), percent(at.gap()), "", "",
                    i18n.get("report.selfSupport.gap.definition")));
            rows.add(count(selfSupport, i18n.get("report.selfSupport.notYet", at.months()), at.notYetMeasurable(),
                    i18n.get("report.selfSupport.notYet.definition", at.months())));
        }
        String process = i18n.get("report.section.process");
        rows.add(count(process, i18n.get("report.returns"), r.returns(), i18n.get("report.returns.definition")));
        rows.add(List.of(process, i18n.get("report.daysToReturn"), number(r.medianDaysToReturn()), "", "",
                i18n.get("report.daysToReturn.definition")));
        rows.add(List.of(process, i18n.get("report.daysToPlan"), number(r.medianDaysToApprovedPlan()), "", "",
                i18n.get("report.daysToPlan.definition")));
        rows.add(share(process, i18n.get("report.planWithinFive"), r.planWithinFiveDays(),
                i18n.get("report.planWithinFive.definition")));
        return rows;
    }

    private static List<String> count(String section, String name, Indicators.Figure f, String definition) {
        return List.of(section, name, Integer.toString(f.count()), "", "", definition);
    }

    private List<String> share(String section, String name, Indicators.Share s, String definition) {
        return List.of(section, name, percent(s.value()), Integer.toString(s.numerator().count()),
                Integer.toString(s.denominator().count()), definition);
    }

    /** A share in per cent with one decimal and a decimal comma; empty when there is nothing to divide. */
    private String percent(Double share) {
        return share == null ? "" : String.format(Locale.forLanguageTag("sv-SE"), "%.1f", share * 100);
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }

    /** Text from the data that would start a formula gets a leading apostrophe (OWASP). */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}

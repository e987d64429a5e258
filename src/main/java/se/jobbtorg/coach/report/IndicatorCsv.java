package se.jobbtorg.coach.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.files.AtomicFile;
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

    /** Writes the file whole or not at all, small numbers left out (for outside the unit). */
    public void write(Indicators.Report report, String unit, Path out) throws IOException {
        write(report, unit, out, false);
    }

    /**
     * Writes the file whole or not at all: a temporary file moved into place. internal: every
     * count as it is; otherwise counts of 1 to 4 people are "&lt; 5" (decision 0015).
     */
    public void write(Indicators.Report report, String unit, Path out, boolean internal) throws IOException {
        writeWhole(out, writer -> write(report, unit, internal, writer));
    }

    /** The file's lines that say what "&lt; 5" and "x" mean and whether small numbers were left out. */
    static void smallNumbers(CSVPrinter csv, I18n i18n, boolean internal) throws IOException {
        csv.printRecord(
                i18n.get("report.smallNumbers"),
                i18n.get(internal ? "report.smallNumbers.internal" : "report.smallNumbers.suppressed"));
        if (!internal) {
            csv.printRecord("", i18n.get("report.smallNumbers.fewer"));
            csv.printRecord("", i18n.get("report.smallNumbers.hidden"));
        }
    }

    /** What writes a CSV's rows to an open writer. */
    interface Body {
        void write(Writer writer) throws IOException;
    }

    /** UTF-8 with a byte-order mark, written to a temporary file in the target folder and moved into place. */
    static void writeWhole(Path out, Body body) throws IOException {
        AtomicFile.write(out, temp -> {
            try (OutputStream stream = Files.newOutputStream(temp);
                    Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
                writer.write(BOM);
                body.write(writer);
            }
        });
    }

    /** The format every CSV here is written in: Excel's, with semicolons. */
    static CSVFormat format() {
        return CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get();
    }

    void write(Indicators.Report report, String unit, boolean internal, Appendable out) throws IOException {
        // Not closed here: closing the printer would close the caller's writer before it is flushed.
        CSVPrinter csv = new CSVPrinter(out, format());
        {
            csv.printRecord(i18n.get("report.title"));
            csv.printRecord(i18n.get("report.period"), i18n.date(report.from()), i18n.date(report.to()));
            csv.printRecord(i18n.get("report.measuredOn"), i18n.date(report.reportDate()));
            csv.printRecord(i18n.get("report.unit"), safe(unit == null ? i18n.get("report.allUnits") : unit));
            smallNumbers(csv, i18n, internal);
            csv.println();
            csv.printRecord(
                    i18n.get("report.column.section"),
                    i18n.get("report.column.figure"),
                    i18n.get("report.column.value"),
                    i18n.get("report.column.numerator"),
                    i18n.get("report.column.denominator"),
                    i18n.get("report.column.definition"));
            for (IndicatorTable.Row row : new IndicatorTable(i18n, !internal).rows(report)) {
                csv.printRecord(
                        row.section(), row.figure(), row.value(), row.numerator(), row.denominator(), row.definition());
            }
            csv.flush();
        }
    }

    /** Text from the data that would start a formula gets a leading apostrophe (OWASP). */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}

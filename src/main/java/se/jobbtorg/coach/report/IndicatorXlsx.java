package se.jobbtorg.coach.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.files.AtomicFile;
import se.jobbtorg.coach.i18n.I18n;

/**
 * The indicators as an XLSX workbook: one sheet of figures with typed cells (counts as whole
 * numbers, shares as percentages, dates as dates) and one sheet with the enrolments they were
 * counted from, without names or numbers, so that a reader can recount every figure.
 */
public final class IndicatorXlsx {
    private final I18n i18n;

    public IndicatorXlsx(I18n i18n) {
        this.i18n = i18n;
    }

    /**
     * Writes the whole file or nothing. facts: every enrolment the figures may look at (the
     * basis sheet lists those of the period; earlier ones matter only for returns).
     */
    public void write(Indicators.Report report, List<EnrolmentFacts> facts, String unit, Path out) throws IOException {
        write(report, facts, unit, out, false, WriteProgress.NONE);
    }

    /**
     * The same, telling how far it has come: one step per enrolment on the basis sheet, and as
     * many again for packing the file (the two take about as long). internal: every count as it
     * is; otherwise counts of 1 to 4 people are "&lt; 5" (decision 0015).
     */
    public void write(
            Indicators.Report report,
            List<EnrolmentFacts> facts,
            String unit,
            Path out,
            boolean internal,
            WriteProgress progress)
            throws IOException {
        List<EnrolmentFacts> inPeriod = facts.stream()
                .filter(f -> !f.enrolledOn().isBefore(report.from())
                        && !f.enrolledOn().isAfter(report.to()))
                .toList();
        long total = 2L * inPeriod.size() + 1;
        progress.reached(0, total);
        AtomicFile.write(out, temp -> {
            try (XSSFWorkbook book = new XSSFWorkbook();
                    OutputStream stream = Files.newOutputStream(temp)) {
                var styles = new Styles(book);
                figures(book.createSheet(i18n.get("xlsx.sheet.figures")), report, unit, internal, styles);
                basis(book.createSheet(i18n.get("xlsx.sheet.basis")), inPeriod, styles, progress, total);
                book.write(stream);
            }
        });
        progress.reached(total, total);
    }

    private record Styles(CellStyle bold, CellStyle date, CellStyle percent) {
        Styles(XSSFWorkbook book) {
            this(book.createCellStyle(), book.createCellStyle(), book.createCellStyle());
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            percent.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("0.0%"));
        }
    }

    private void figures(Sheet sheet, Indicators.Report report, String unit, boolean internal, Styles s) {
        text(sheet.createRow(0), 0, i18n.get("report.title")).setCellStyle(s.bold());
        Row period = sheet.createRow(1);
        text(period, 0, i18n.get("report.period"));
        date(period, 1, report.from(), s);
        date(period, 2, report.to(), s);
        Row measured = sheet.createRow(2);
        text(measured, 0, i18n.get("report.measuredOn"));
        date(measured, 1, report.reportDate(), s);
        Row unitRow = sheet.createRow(3);
        text(unitRow, 0, i18n.get("report.unit"));
        text(unitRow, 1, unit == null ? i18n.get("report.allUnits") : unit);
        Row small = sheet.createRow(4);
        text(small, 0, i18n.get("report.smallNumbers"));
        text(
                small,
                1,
                i18n.get(internal ? "report.smallNumbers.internal" : "report.smallNumbers.suppressed")
                        + (internal
                                ? ""
                                : " " + i18n.get("report.smallNumbers.fewer") + " "
                                        + i18n.get("report.smallNumbers.hidden")));
        Row header = sheet.createRow(6);
        String[] titles = {
            i18n.get("report.column.section"),
            i18n.get("report.column.figure"),
            i18n.get("report.column.value"),
            i18n.get("report.column.numerator"),
            i18n.get("report.column.denominator"),
            i18n.get("report.column.definition")
        };
        for (int i = 0; i < titles.length; i++) {
            text(header, i, titles[i]).setCellStyle(s.bold());
        }
        int r = 7;
        for (IndicatorTable.Row row : new IndicatorTable(i18n, !internal).rows(report)) {
            Row line = sheet.createRow(r++);
            text(line, 0, row.section());
            text(line, 1, row.figure());
            if (row.mark() != null) {
                text(line, 2, row.mark());
            } else if (row.number() != null) {
                Cell value = line.createCell(2);
                value.setCellValue(row.number());
                if (row.unit() == IndicatorTable.Unit.SHARE || row.unit() == IndicatorTable.Unit.POINTS) {
                    value.setCellStyle(s.percent());
                }
            }
            if (!row.numerator().isEmpty()) {
                count(line, 3, row.numerator());
                count(line, 4, row.denominator());
            }
            text(line, 5, row.definition());
        }
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 48 * 256);
        sheet.setColumnWidth(2, 12 * 256);
        sheet.setColumnWidth(5, 90 * 256);
    }

    private void basis(Sheet sheet, List<EnrolmentFacts> inPeriod, Styles s, WriteProgress progress, long total) {
        Row header = sheet.createRow(0);
        String[] titles = {
            i18n.get("xlsx.basis.enrolment"),
            i18n.get("xlsx.basis.person"),
            i18n.get("xlsx.basis.enrolledOn"),
            i18n.get("xlsx.basis.exitedOn"),
            i18n.get("xlsx.basis.reason"),
            i18n.get("xlsx.basis.planApprovedOn"),
            i18n.get("xlsx.basis.reviewApprovedOn"),
            i18n.get("xlsx.basis.check"),
            i18n.get("xlsx.basis.activities")
        };
        for (int i = 0; i < titles.length; i++) {
            text(header, i, titles[i]).setCellStyle(s.bold());
        }
        int r = 1;
        for (EnrolmentFacts f : inPeriod) {
            if (r % 100 == 0) {
                progress.reached(r, total);
            }
            Row row = sheet.createRow(r++);
            text(row, 0, f.enrolmentId().toString());
            // The person's random id: returns can be recounted, nobody can be looked up by it.
            text(row, 1, f.participantId().toString());
            date(row, 2, f.enrolledOn(), s);
            date(row, 3, f.exitedOn(), s);
            text(row, 4, f.exitReason() == null ? "" : i18n.of(f.exitReason()));
            date(row, 5, f.firstPlanApprovedOn(), s);
            date(row, 6, f.firstReviewApprovedOn(), s);
            text(row, 7, f.exitCheck() == null ? "" : i18n.of(f.exitCheck()));
            text(
                    row,
                    8,
                    String.join(", ", f.activityKinds().stream().map(i18n::of).toList()));
        }
        sheet.setColumnWidth(0, 38 * 256);
        sheet.setColumnWidth(1, 38 * 256);
        for (int c = 2; c <= 7; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
        sheet.setColumnWidth(8, 60 * 256);
    }

    /** A count as a number, or its mark ("&lt; 5", "x") as text. */
    private static void count(Row row, int column, String value) {
        if (SmallNumbers.marked(value)) {
            text(row, column, value);
        } else {
            row.createCell(column).setCellValue(Integer.parseInt(value));
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        // A text cell in XLSX is never evaluated as a formula, so it is written as it is.
        cell.setCellValue(value);
        return cell;
    }

    private static void date(Row row, int column, LocalDate value, Styles s) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(s.date());
        }
    }
}

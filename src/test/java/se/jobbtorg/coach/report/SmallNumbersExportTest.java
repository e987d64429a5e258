package se.jobbtorg.coach.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.domain.SocialstyrelsenCodes.NationalExit;
import se.jobbtorg.coach.i18n.I18n;

/**
 * Small numbers in the exports (decision 0015), with real numbers in and the files read back:
 * 30 enrolments in 2025, 21 exits (12 to work, 3 to studies, 6 moved), 28 of 30 plans within five
 * days, one return, two with a work placement, three exits checked a month later.
 */
class SmallNumbersExportTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path dir;

    private static Indicators.Report report;

    @BeforeAll
    static void figures() {
        List<EnrolmentFacts> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            LocalDate on = LocalDate.of(2025, 1, 6).plusDays(i);
            ExitReason reason = i < 12
                    ? ExitReason.UNSUBSIDISED_WORK
                    : i < 15 ? ExitReason.STUDIES : i < 21 ? ExitReason.MOVED : null;
            List<ActivityKind> kinds =
                    i < 2 ? List.of(ActivityKind.COACHING, ActivityKind.WORK_TRAINING) : List.of(ActivityKind.COACHING);
            all.add(new EnrolmentFacts(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    on,
                    reason == null ? null : on.plusDays(40),
                    reason,
                    on.plusDays(i < 28 ? 2 : 10),
                    null,
                    kinds,
                    i < 3 ? ExitCheck.IN_WORK_OR_STUDIES : null));
        }
        // One person came back: an exit in 2024, enrolled again in the period.
        UUID back = all.get(29).participantId();
        all.add(new EnrolmentFacts(
                UUID.randomUUID(),
                back,
                LocalDate.of(2024, 6, 3),
                LocalDate.of(2024, 12, 20),
                ExitReason.OTHER,
                LocalDate.of(2024, 6, 5),
                null,
                List.of(),
                null));
        report = Indicators.compute(all, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), TODAY);
        assertEquals(21, report.unknownReason().denominator().count(), "the figures are what the test says");
        assertEquals(1, report.returns().count());
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            assertEquals('\uFEFF', in.read());
            return CSVFormat.Builder.create(CSVFormat.EXCEL)
                    .setDelimiter(';')
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    private static CSVRecord figure(List<CSVRecord> records, String name) {
        return records.stream()
                .filter(r -> r.size() > 2 && r.get(1).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name));
    }

    /** Value, numerator, denominator of a figure's row. */
    private static List<String> cells(List<CSVRecord> records, String name) {
        CSVRecord r = figure(records, name);
        return List.of(r.get(2), r.get(3), r.get(4));
    }

    @Test
    void theCsvForOutsideTheUnitHasNoCountOfOneToFour() throws Exception {
        Path file = dir.resolve("suppressed.csv");
        new IndicatorCsv(SV).write(report, "Försörjningsstöd Kista", file);
        List<CSVRecord> records = csv(file);

        CSVRecord note = records.stream()
                .filter(r -> r.get(0).equals(SV.get("report.smallNumbers")))
                .findFirst()
                .orElseThrow();
        assertEquals(SV.get("report.smallNumbers.suppressed"), note.get(1));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("< 5 betyder 1–4 personer."), "the footnote says what the mark means");

        assertEquals(List.of("30", "", ""), cells(records, SV.get("report.enrolled")));
        assertEquals(List.of("12", "", ""), cells(records, SV.of(ExitReason.UNSUBSIDISED_WORK)));
        assertEquals(List.of("< 5", "", ""), cells(records, SV.of(ExitReason.STUDIES)));
        // 21 exits less 12 less 6 would give the 3: the 6 goes too.
        assertEquals(List.of("x", "", ""), cells(records, SV.of(ExitReason.MOVED)));
        assertEquals(List.of("0", "", ""), cells(records, SV.of(ExitReason.UNKNOWN)), "zero is shown");
        assertEquals(List.of("0,0", "0", "21"), cells(records, SV.get("report.unknown")));
        // 28 of 30 within five days: the two who were not are the rest.
        assertEquals(List.of("x", "x", "30"), cells(records, SV.get("report.planWithinFive")));
        assertEquals(List.of("x", "< 5", "< 5"), cells(records, SV.get("report.resultAtExit")));
        assertEquals(List.of("< 5", "", ""), cells(records, SV.get("report.returns")));
        assertEquals(List.of("x", "", ""), cells(records, SV.get("report.daysToReturn")), "one person's days");
        assertEquals(List.of("< 5", "", ""), cells(records, SV.of(ActivityKind.WORK_TRAINING)));
        assertEquals(List.of("70,0", "21", "30"), cells(records, SV.get("report.selfSupport.city", 12)));
        assertEquals(List.of("50,0", "15", "30"), cells(records, SV.get("report.selfSupport.strict", 12)));
        assertEquals(List.of("20,0", "", ""), cells(records, SV.get("report.selfSupport.gap", 12)));

        // Whatever the count: no value, numerator or denominator is one to four (days are no count).
        List<String> days = List.of(SV.get("report.daysToPlan"), SV.get("report.daysToReturn"));
        for (CSVRecord r : records) {
            if (r.size() == 6 && !days.contains(r.get(1))) {
                for (int c = 2; c <= 4; c++) {
                    assertFalse(r.get(c).matches("[1-4]"), r.toString());
                }
            }
        }
    }

    @Test
    void theCsvForInternalUseHasTheRealNumbersAndSaysSo() throws Exception {
        Path file = dir.resolve("internal.csv");
        new IndicatorCsv(SV).write(report, null, file, true);
        List<CSVRecord> records = csv(file);

        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains(SV.get("report.smallNumbers.internal")));
        assertEquals(List.of("3", "", ""), cells(records, SV.of(ExitReason.STUDIES)));
        assertEquals(List.of("6", "", ""), cells(records, SV.of(ExitReason.MOVED)));
        assertEquals(List.of("93,3", "28", "30"), cells(records, SV.get("report.planWithinFive")));
        assertEquals(List.of("100,0", "3", "3"), cells(records, SV.get("report.resultAtExit")));
    }

    private static Row xlsxRow(Sheet sheet, String name) {
        for (Row row : sheet) {
            if (row.getCell(1) != null
                    && row.getCell(1).getCellType() == CellType.STRING
                    && row.getCell(1).getStringCellValue().equals(name)) {
                return row;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void theXlsxWritesTheMarksAsTextAndTheRestAsNumbers() throws Exception {
        Path suppressed = dir.resolve("suppressed.xlsx");
        Path internal = dir.resolve("internal.xlsx");
        new IndicatorXlsx(SV).write(report, List.of(), null, suppressed);
        new IndicatorXlsx(SV).write(report, List.of(), null, internal, true, WriteProgress.NONE);

        try (var book = new XSSFWorkbook(suppressed.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(
                    SV.get("report.smallNumbers"), sheet.getRow(4).getCell(0).getStringCellValue());
            assertTrue(sheet.getRow(4)
                    .getCell(1)
                    .getStringCellValue()
                    .startsWith(SV.get("report.smallNumbers.suppressed")));
            assertEquals(
                    "< 5", xlsxRow(sheet, SV.of(ExitReason.STUDIES)).getCell(2).getStringCellValue());
            assertEquals("x", xlsxRow(sheet, SV.of(ExitReason.MOVED)).getCell(2).getStringCellValue());
            assertEquals(
                    12,
                    xlsxRow(sheet, SV.of(ExitReason.UNSUBSIDISED_WORK))
                            .getCell(2)
                            .getNumericCellValue());
            Row plan = xlsxRow(sheet, SV.get("report.planWithinFive"));
            assertEquals("x", plan.getCell(2).getStringCellValue());
            assertEquals("x", plan.getCell(3).getStringCellValue());
            assertEquals(30, plan.getCell(4).getNumericCellValue());
            Row result = xlsxRow(sheet, SV.get("report.resultAtExit"));
            assertEquals("< 5", result.getCell(3).getStringCellValue());
            assertEquals("< 5", result.getCell(4).getStringCellValue());
        }
        try (var book = new XSSFWorkbook(internal.toFile())) {
            Sheet sheet = book.getSheetAt(0);
            assertTrue(
                    sheet.getRow(4).getCell(1).getStringCellValue().startsWith(SV.get("report.smallNumbers.internal")));
            assertEquals(3, xlsxRow(sheet, SV.of(ExitReason.STUDIES)).getCell(2).getNumericCellValue());
            Row plan = xlsxRow(sheet, SV.get("report.planWithinFive"));
            assertEquals(28 / 30.0, plan.getCell(2).getNumericCellValue(), 1e-9);
            assertEquals(28, plan.getCell(3).getNumericCellValue());
        }
    }

    private static String pdf(Path file) throws IOException {
        try (var pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void thePdfSaysWhichAndLeavesOutTheSame() throws Exception {
        Path suppressed = dir.resolve("suppressed.pdf");
        Path internal = dir.resolve("internal.pdf");
        new IndicatorPdf(SV).write(report, null, suppressed);
        new IndicatorPdf(SV).write(report, null, internal, true);

        String text = pdf(suppressed);
        assertTrue(
                text.contains(SV.get("report.smallNumbers") + ": " + SV.get("report.smallNumbers.suppressed")), text);
        assertTrue(text.contains(SV.get("report.smallNumbers.fewer")), text);
        assertTrue(text.contains(SV.get("report.planWithinFive") + " x (x av 30)"), text);
        assertTrue(text.contains(SV.get("report.returns") + " < 5"), text);
        assertTrue(text.contains(SV.get("report.daysToReturn") + " x"), text);
        assertTrue(text.contains("70,0 % (21 av 30)"), "what rests on many is as it is\n" + text);

        String real = pdf(internal);
        assertTrue(real.contains(SV.get("report.smallNumbers.internal").substring(0, 20)), real);
        assertTrue(real.contains(SV.get("report.planWithinFive") + " 93,3 % (28 av 30)"), real);
        assertTrue(real.contains(SV.get("report.returns") + " 1"), real);
    }

    @Test
    void theNationalCsvLeavesOutTheCategoriesAndTheReasonsInThemAlike() throws Exception {
        Path suppressed = dir.resolve("national.csv");
        Path internal = dir.resolve("national-internal.csv");
        new NationalCodesCsv(SV).write(report, null, suppressed);
        new NationalCodesCsv(SV).write(report, null, internal, true);

        List<CSVRecord> records = csv(suppressed);
        assertTrue(Files.readString(suppressed, StandardCharsets.UTF_8)
                .contains(SV.get("report.smallNumbers.suppressed")));
        CSVRecord studies = figure(records, SV.of(NationalExit.STUDIES));
        assertEquals(List.of("< 5", "21", "x"), List.of(studies.get(3), studies.get(4), studies.get(5)));
        assertTrue(studies.get(6).contains(SV.of(ExitReason.STUDIES) + ": < 5"), studies.get(6));
        CSVRecord work = figure(records, SV.of(NationalExit.WORK));
        assertEquals("12", work.get(3));
        CSVRecord moved = figure(records, SV.of(NationalExit.MOVED));
        assertEquals("x", moved.get(3), "the moved are left out with the studies, as in the other file");
        for (CSVRecord r : records) {
            if (r.size() == 8) {
                assertFalse(r.get(3).matches("[1-4]") || r.get(4).matches("[1-4]"), r.toString());
                assertFalse(r.get(6).matches(".*: [1-4](;.*|$)"), r.toString());
            }
        }

        CSVRecord realStudies = figure(csv(internal), SV.of(NationalExit.STUDIES));
        assertEquals(List.of("3", "21", "14,3"), List.of(realStudies.get(3), realStudies.get(4), realStudies.get(5)));
    }
}

package se.jobbtorg.coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.service.CaseloadService;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.WorkflowService;
import se.jobbtorg.coach.store.Database;

/** The report command on a real database, its CSV read back with a CSV parser. */
class ReportCommandTest {
    /** Each person is enrolled, given a plan and exited on the clock's "today", so the clock moves. */
    @TempDir
    Path dir;

    static Clock on(String day) {
        return Clock.fixed(Instant.parse(day + "T10:00:00Z"), ZoneId.of("Europe/Stockholm"));
    }

    /** Enrols someone on one day, approves a plan after planDays, and exits after exitDays. */
    void person(
            Path file, String unit, int serial, String enrolled, int planDays, Integer exitDays, ExitReason reason) {
        LocalDate start = LocalDate.parse(enrolled);
        try (Database db = Database.open(file, on(enrolled), TestPassphrase.get())) {
            var me = new CoachService(db).setCurrentCoach("Linnea Ek", null);
            var p = new CaseloadService(db, on(enrolled))
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1980, 1, 1).plusDays(serial), serial, false)
                                    .display(),
                            "Test",
                            "Person" + serial,
                            null,
                            null,
                            null));
            var e = new CaseloadService(db, on(enrolled))
                    .enrol(new EnrolmentDraft(
                            p.id(), me.id(), start, unit, null, EnumSet.of(TargetGroup.UNEMPLOYED), null, false));
            LocalDate planOn = start.plusDays(planDays);
            var flow = new WorkflowService(db, on(planOn.toString()));
            var plan = flow.draft(e.id(), false);
            flow.describe(plan.id(), PlanGoal.WORK, null);
            flow.addActivity(
                    plan.id(),
                    new ActivityDraft(ActivityKind.COACHING, null, "Jobbtorg", null, planOn, planOn.plusMonths(3)));
            flow.approve(plan.id(), "Omar Farah", planOn);
            if (exitDays != null) {
                LocalDate exit = start.plusDays(exitDays);
                new WorkflowService(db, on(exit.toString()))
                        .exit(new ExitDraft(
                                e.id(), exit, reason, reason == ExitReason.UNKNOWN ? "Ringt och skrivit" : null));
            }
        }
    }

    @Test
    void theCsvHoldsEveryFigureWithItsCountsAndANeutralisedUnit() throws Exception {
        Path file = dir.resolve("caseload.db");
        String unit = "=HYPERLINK(\"http://example.invalid\")";
        person(file, unit, 1, "2025-01-10", 3, 50, ExitReason.UNSUBSIDISED_WORK);
        person(file, unit, 2, "2025-02-01", 2, 60, ExitReason.REFERRED_BACK);
        person(file, unit, 3, "2025-03-15", 10, 100, ExitReason.UNKNOWN);
        person(file, unit, 4, "2025-06-30", 4, null, null);
        person(file, "Försörjningsstöd Farsta", 5, "2025-05-05", 1, 20, ExitReason.STUDIES);

        Path out = dir.resolve("out/indicators.csv");
        var stdout = new ByteArrayOutputStream();
        int code = new ReportCommand(
                        file,
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31),
                        unit,
                        "csv",
                        out,
                        on("2026-11-24"),
                        TestPassphrase.get())
                .internal(true)
                .run(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertEquals(ReportCommand.OK, code);
        assertTrue(stdout.toString(StandardCharsets.UTF_8).startsWith("ok out="));

        byte[] bytes = Files.readAllBytes(out);
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte-order mark, for Excel");
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            in.read(); // the byte-order mark
            records = CSVFormat.Builder.create(CSVFormat.EXCEL)
                    .setDelimiter(';')
                    .get()
                    .parse(in)
                    .getRecords();
        }
        assertEquals("'" + unit, records.get(3).get(1), "a formula from the data is neutralised");
        Map<String, CSVRecord> byName = records.stream()
                .filter(r -> r.size() == 6)
                .collect(Collectors.toMap(r -> r.get(1), Function.identity(), (a, b) -> a));
        assertEquals("4", byName.get("Inskrivna under perioden").get(2), "the Farsta person is another unit");
        assertEquals("1", byName.get("Aktiva på mätdatum").get(2));
        assertEquals(List.of("33,3", "1", "3"), values(byName.get("Andel avslut med okänd orsak")));
        // 3 months: all four marks passed; work (day 50) counts in both, unknown (day 100) is too late.
        assertEquals(List.of("25,0", "1", "4"), values(byName.get("Självförsörjning 3 mån, stadens definition")));
        assertEquals(List.of("25,0", "1", "4"), values(byName.get("Självförsörjning 3 mån, strikt definition")));
        // 6 months: the unknown exit (day 100) now counts for the city, not strictly.
        assertEquals(List.of("50,0", "2", "4"), values(byName.get("Självförsörjning 6 mån, stadens definition")));
        assertEquals(List.of("25,0", "1", "4"), values(byName.get("Självförsörjning 6 mån, strikt definition")));
        assertEquals("25,0", byName.get("Skillnad 6 mån (stadens minus strikt)").get(2));
        assertEquals(
                "3",
                byName.get("Dagar till godkänd plan (median)").get(2),
                "2, 3, 4, 10: the mean of the middle two, rounded down");
        assertEquals(List.of("75,0", "3", "4"), values(byName.get("Andel med godkänd plan inom 5 dagar")));
        assertEquals("4", byName.get("Individuell coachning").get(2), "each plan in force has one coaching activity");
        assertEquals(
                List.of("0,0", "0", "1"),
                values(byName.get("Andel med omprövning i tid")),
                "only the open enrolment reached its review date (2026-01-04), and it was not reviewed");
        assertTrue(
                byName.get("Självförsörjning 12 mån, strikt definition").get(5).contains("studier"),
                "each figure says in words how it is counted");
    }

    /** Exits and activities by Socialstyrelsen's categories: rows add up, and each says what it holds. */
    @Test
    void theNationalCsvGroupsExitsByAnnexTwoAndActivitiesByAnnexOne() throws Exception {
        Path file = dir.resolve("caseload.db");
        String unit = "Försörjningsstöd Farsta";
        person(file, unit, 1, "2025-01-10", 3, 50, ExitReason.UNSUBSIDISED_WORK);
        person(file, unit, 2, "2025-02-01", 2, 60, ExitReason.SUBSIDISED_WORK);
        person(file, unit, 3, "2025-03-15", 10, 100, ExitReason.REFERRED_BACK);
        person(file, unit, 4, "2025-04-01", 4, 70, ExitReason.UNKNOWN);
        person(file, unit, 5, "2025-06-30", 4, null, null);

        Path out = dir.resolve("national.csv");
        var stdout = new ByteArrayOutputStream();
        int code = new ReportCommand(
                        file,
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31),
                        null,
                        "csv",
                        out,
                        "national",
                        on("2026-11-24"),
                        TestPassphrase.get())
                .internal(true)
                .run(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertEquals(ReportCommand.OK, code);

        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            assertEquals('\uFEFF', in.read(), "UTF-8 byte-order mark, for Excel");
            records = CSVFormat.Builder.create(CSVFormat.EXCEL)
                    .setDelimiter(';')
                    .get()
                    .parse(in)
                    .getRecords();
        }
        assertTrue(records.get(4).get(1).contains("HSLF-FS 2015:30"), "the source is named in the file");
        CSVRecord header =
                records.stream().filter(r -> r.size() == 8).findFirst().orElseThrow();
        assertEquals(
                List.of(
                        "Avsnitt",
                        "Socialstyrelsens kategori",
                        "Kod enligt HSLF-FS 2015:30",
                        "Antal",
                        "Nämnare",
                        "Andel (%)",
                        "Ingår (Jobbtorgs kategori: antal)",
                        "Definition"),
                header.toList());
        Map<String, CSVRecord> byCategory = records.stream()
                .filter(r -> r.size() == 8 && r != header)
                .collect(Collectors.toMap(r -> r.get(1), Function.identity()));

        CSVRecord work = byCategory.get("Arbete");
        assertEquals(
                List.of("2", "4", "50,0"),
                List.of(work.get(3), work.get(4), work.get(5)),
                "both kinds of work are one national category, of the four exits");
        assertEquals("Arbete utan subvention: 1; Subventionerat arbete: 1", work.get(6));
        assertEquals("ej kontrollerad", work.get(2), "no code value is claimed that was not checked");
        assertTrue(work.get(7).contains("Nämnare: alla avslut"), "the denominator is said in words");
        CSVRecord none = byCategory.get("Ingen motsvarighet (biståndet upphör inte)");
        assertEquals("1", none.get(3), "referred back ends no assistance");
        assertEquals("", none.get(2));
        assertEquals(
                List.of("1", "25,0"),
                List.of(
                        byCategory.get("Okänd orsak").get(3),
                        byCategory.get("Okänd orsak").get(5)));
        int exitRows = records.stream()
                .filter(r -> r.size() == 8 && r.get(0).equals("Avslutsorsak (bilaga 2)"))
                .mapToInt(r -> Integer.parseInt(r.get(3)))
                .sum();
        assertEquals(4, exitRows, "the exit rows add up to the denominator");

        CSVRecord activities = byCategory.get("Kommunal arbetsmarknadsinsats: insatser");
        assertEquals("5", activities.get(3), "one coaching activity in each of the five plans");
        assertEquals("", activities.get(4), "activities have no denominator");
        assertTrue(activities.get(6).contains("Individuell coachning: 5"));
        CSVRecord people = byCategory.get("Kommunal arbetsmarknadsinsats: inskrivningar med minst en");
        assertEquals(List.of("5", "5", "100,0"), List.of(people.get(3), people.get(4), people.get(5)));
        assertEquals(
                "0",
                byCategory
                        .get("Ingen motsvarighet (statlig insats eller vård): insatser")
                        .get(3));
    }

    @Test
    void nationalCodesAreWrittenAsCsvOnly() {
        var err = new ByteArrayOutputStream();
        Path out = dir.resolve("national.xlsx");
        assertEquals(
                ReportCommand.USAGE,
                new ReportCommand(
                                dir.resolve("none.db"),
                                null,
                                null,
                                null,
                                "xlsx",
                                out,
                                "national",
                                on("2026-11-24"),
                                TestPassphrase.get())
                        .run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(
                ReportCommand.USAGE,
                new ReportCommand(
                                dir.resolve("none.db"),
                                null,
                                null,
                                null,
                                "csv",
                                out,
                                "kolada",
                                on("2026-11-24"),
                                TestPassphrase.get())
                        .run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--codes"));
        assertTrue(Files.notExists(out));
    }

    static List<String> values(CSVRecord r) {
        return List.of(r.get(2), r.get(3), r.get(4));
    }

    @Test
    void wrongArgumentsAreRefusedAndNothingIsWritten() {
        var err = new ByteArrayOutputStream();
        Path out = dir.resolve("x.docx");
        assertEquals(
                ReportCommand.USAGE,
                new ReportCommand(
                                dir.resolve("none.db"),
                                null,
                                null,
                                null,
                                "docx",
                                out,
                                on("2026-11-24"),
                                TestPassphrase.get())
                        .run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(
                ReportCommand.FAILED,
                new ReportCommand(
                                dir.resolve("none.db"),
                                null,
                                null,
                                null,
                                "csv",
                                dir.resolve("x.csv"),
                                on("2026-11-24"),
                                TestPassphrase.get())
                        .run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(Files.notExists(out)
                && Files.notExists(dir.resolve("x.csv"))
                && Files.notExists(dir.resolve("none.db")));
        Path db = dir.resolve("real.db");
        Database.open(db, on("2026-11-24"), TestPassphrase.get()).close();
        long size = db.toFile().length();
        assertEquals(
                ReportCommand.USAGE,
                new ReportCommand(db, null, null, null, "csv", db, on("2026-11-24"), TestPassphrase.get())
                        .run(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(size, db.toFile().length(), "the database is never overwritten by a report");
    }

    @Test
    void theXlsxHasTypedFiguresAndTheEnrolmentsTheyWereCountedFrom() throws Exception {
        Path file = dir.resolve("caseload.db");
        person(file, "Försörjningsstöd Farsta", 1, "2025-01-10", 3, 50, ExitReason.UNSUBSIDISED_WORK);
        person(file, "Försörjningsstöd Farsta", 2, "2025-02-01", 9, 60, ExitReason.MOVED);
        person(file, "Försörjningsstöd Farsta", 3, "2025-06-30", 4, null, null);
        Path out = dir.resolve("indicators.xlsx");
        assertEquals(
                ReportCommand.OK,
                new ReportCommand(
                                file,
                                LocalDate.of(2025, 1, 1),
                                LocalDate.of(2025, 12, 31),
                                null,
                                "xlsx",
                                out,
                                on("2026-11-24"),
                                TestPassphrase.get())
                        .internal(true)
                        .run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        try (var book = new XSSFWorkbook(out.toFile())) {
            var figures = book.getSheet("Indikatorer");
            var period = figures.getRow(1).getCell(1);
            assertEquals(CellType.NUMERIC, period.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(period), "a real date");
            assertEquals(
                    LocalDate.of(2025, 1, 1), period.getLocalDateTimeCellValue().toLocalDate());
            Row enrolled = null;
            Row strict6 = null;
            for (var row : figures) {
                var cell = row.getCell(1);
                String name = cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null;
                if ("Inskrivna under perioden".equals(name)) {
                    enrolled = row;
                }
                if ("Självförsörjning 6 mån, strikt definition".equals(name)) {
                    strict6 = row;
                }
            }
            assertEquals(3.0, enrolled.getCell(2).getNumericCellValue());
            assertEquals(1 / 3.0, strict6.getCell(2).getNumericCellValue(), 1e-9, "work by day 50 of three");
            assertTrue(strict6.getCell(2).getCellStyle().getDataFormatString().contains("%"));
            assertEquals(1.0, strict6.getCell(3).getNumericCellValue());
            assertEquals(3.0, strict6.getCell(4).getNumericCellValue());
            var basis = book.getSheet("Underlag");
            assertTrue(basis.getRow(1).getCell(0).getStringCellValue().length() == 36, "an id, no name");
            assertEquals(9, basis.getRow(0).getLastCellNum(), "enrolment, person, dates, reason, review, check, kinds");
            assertTrue(DateUtil.isCellDateFormatted(basis.getRow(1).getCell(5)), "the first plan's approval date");
            assertEquals("Individuell coachning", basis.getRow(1).getCell(8).getStringCellValue());
            assertEquals(3, basis.getLastRowNum(), "a header and one row per enrolment of the period");
            assertTrue(DateUtil.isCellDateFormatted(basis.getRow(1).getCell(2)));
        }
    }

    @Test
    void thePdfIsOnePageWithBothDefinitionsSideBySide() throws Exception {
        Path file = dir.resolve("caseload.db");
        person(file, "Försörjningsstöd Farsta", 1, "2025-01-10", 3, 50, ExitReason.UNSUBSIDISED_WORK);
        person(file, "Försörjningsstöd Farsta", 2, "2025-02-01", 9, 60, ExitReason.MOVED);
        Path out = dir.resolve("summary.pdf");
        assertEquals(
                ReportCommand.OK,
                new ReportCommand(
                                file,
                                LocalDate.of(2025, 1, 1),
                                LocalDate.of(2025, 12, 31),
                                null,
                                "pdf",
                                out,
                                on("2026-11-24"),
                                TestPassphrase.get())
                        .internal(true)
                        .run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
        try (var pdf = Loader.loadPDF(out.toFile())) {
            assertEquals(1, pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Inskrivningar 2025-01-01 – 2025-12-31, mätt 2026-11-24"), text);
            assertTrue(
                    text.contains("100,0 % (2 av 2)") && text.contains("50,0 % (1 av 2)"),
                    "6 months: both exits for the city, only the work strictly\n" + text);
            assertTrue(text.contains("Så räknas måtten"));
        }
    }
}

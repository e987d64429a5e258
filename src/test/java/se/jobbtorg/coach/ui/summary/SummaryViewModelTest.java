package se.jobbtorg.coach.ui.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.TestClock;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.EnrolmentFacts;
import se.jobbtorg.coach.domain.Indicators;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.IndicatorReport;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.DemoCaseload;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/**
 * The team lead's summary without a window, over a demo caseload in a real encrypted database:
 * the indicators for the period chosen are what the domain's rules give on the same records, and
 * an export writes its file.
 */
class SummaryViewModelTest {
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path stored;

    @TempDir
    Path dir;

    private static TestClock clock;
    private static Database db;
    /** Every enrolment's facts, read once: what the domain's rules are applied to below. */
    private static List<EnrolmentFacts> facts;

    private IndicatorReport report;
    private SummaryViewModel model;
    private final List<Throwable> errors = new ArrayList<>();
    private final List<Path> failedFiles = new ArrayList<>();

    @BeforeAll
    static void open() {
        clock = new TestClock(Instant.parse("2026-11-24T09:30:00Z"));
        db = Database.open(stored.resolve("summary.db"), clock, TestPassphrase.get());
        var me = new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        new DemoCaseload(db, clock).populate(7, 120, me);
        facts = new IndicatorReport(db, clock)
                .computeWithFacts(TODAY.minusYears(20), TODAY, null)
                .facts();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void summary() {
        report = new IndicatorReport(db, clock);
        model = new SummaryViewModel(
                report, new SameThreadTaskRunner(), EN, errors::add, (e, file) -> failedFiles.add(file));
    }

    @Test
    void theDefaultPeriodIsLastYearAndThisYearSoFar() {
        assertEquals(LocalDate.of(2025, 1, 1), model.from.get());
        assertEquals(TODAY, model.to.get());

        model.compute();

        assertEquals(
                Indicators.compute(facts, LocalDate.of(2025, 1, 1), TODAY, TODAY),
                model.resultProperty().get());
        assertFalse(model.rows().isEmpty(), "the table shows the figures");
        assertFalse(model.units.isEmpty(), "the units to choose from");
        assertEquals(List.of(), errors);
    }

    @Test
    void theChosenPeriodIsComputedAndAReversedOneIsSwapped() {
        model.from.set(LocalDate.of(2026, 1, 1));
        model.to.set(LocalDate.of(2026, 6, 30));
        model.compute();
        Indicators.Report firstHalf = model.resultProperty().get();
        assertEquals(Indicators.compute(facts, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), TODAY), firstHalf);
        assertNotEquals(
                Indicators.compute(facts, LocalDate.of(2025, 1, 1), TODAY, TODAY),
                firstHalf,
                "another period gives other figures");

        model.from.set(LocalDate.of(2026, 6, 30));
        model.to.set(LocalDate.of(2026, 1, 1));
        model.compute();
        assertEquals(firstHalf, model.resultProperty().get(), "a period backwards is the same period");
    }

    @Test
    void aChosenUnitCountsOnlyItsEnrolments() {
        model.compute();
        String unit = model.units.get(0);
        int everyone = model.resultProperty().get().enrolled().enrolments().size();

        model.unit.set(unit);
        model.compute();

        Indicators.Report ofUnit = model.resultProperty().get();
        assertEquals(report.compute(LocalDate.of(2025, 1, 1), TODAY, unit), ofUnit);
        assertTrue(ofUnit.enrolled().enrolments().size() <= everyone);
        assertEquals(List.of(), errors);
    }

    @Test
    void anExportWritesTheShownFiguresToTheFileChosen() throws Exception {
        Path file = dir.resolve("indikatorer.csv");
        List<Path> saved = new ArrayList<>();

        model.exportCsv(file, saved::add);
        assertEquals(List.of(), saved, "nothing is shown yet, so nothing is written");
        assertFalse(Files.exists(file));

        model.compute();
        model.exportCsv(file, saved::add);

        assertEquals(List.of(file), saved);
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.contains(EN.date(LocalDate.of(2025, 1, 1))), "the period is named: " + csv);
        for (var row : model.rows()) {
            assertTrue(csv.contains(row.figure()), "every figure shown is in the file: " + row.figure());
        }
        assertEquals(List.of(), failedFiles);
    }

    @Test
    void anExportThatCannotBeWrittenNamesItsFile() throws Exception {
        model.compute();
        // A file where the folder should be: nothing can be written beneath it.
        Files.writeString(dir.resolve("rapporter"), "inte en mapp");
        Path file = dir.resolve("rapporter").resolve("indikatorer.csv");
        List<Path> saved = new ArrayList<>();

        model.exportCsv(file, saved::add);

        assertEquals(List.of(), saved);
        assertEquals(List.of(file), failedFiles);
        assertEquals(List.of(), errors, "a failed export is told with its file, not as a load error");
    }
}

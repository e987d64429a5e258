package se.jobbtorg.coach.ui.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.IndicatorReport;
import se.jobbtorg.coach.service.CoachService;
import se.jobbtorg.coach.service.DemoCaseload;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.ui.common.FileExport;
import se.jobbtorg.coach.ui.common.SameThreadTaskRunner;

/**
 * The summary's exports as the team lead follows them, on a real encrypted database with a demo
 * caseload and the same-thread runner: the bar moves from the start to the end, a cancel leaves
 * the file that was there, and a file that cannot be written is named in the failure.
 */
class SummaryExportTest {
    private static final I18n EN = new I18n(Locale.ENGLISH);

    @TempDir
    static Path stored;

    @TempDir
    Path dir;

    private static TestClock clock;
    private static Database db;
    private SummaryViewModel model;
    private final List<Path> failedFiles = new ArrayList<>();
    private final List<Path> saved = new ArrayList<>();
    private final List<Double> shown = new ArrayList<>();

    /** One caseload for every test: enough enrolments that the basis sheet reports on its way. */
    @BeforeAll
    static void open() {
        clock = new TestClock(Instant.parse("2026-11-24T09:30:00Z"));
        db = Database.open(stored.resolve("summary.db"), clock, TestPassphrase.get());
        var me = new CoachService(db).setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        new DemoCaseload(db, clock).populate(11, 260, me);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void summary() {
        model = new SummaryViewModel(
                new IndicatorReport(db, clock),
                new SameThreadTaskRunner(),
                EN,
                e -> {
                    throw new AssertionError(e);
                },
                (e, file) -> failedFiles.add(file));
        model.compute();
        model.export().progressProperty().addListener((o, old, now) -> shown.add(now.doubleValue()));
    }

    @Test
    void theBarMovesFromStartToEndAndTheExportEnds() throws Exception {
        Path file = dir.resolve("indicators.xlsx");

        model.exportXlsx(file, saved::add);

        assertEquals(List.of(file), saved);
        assertTrue(Files.size(file) > 0);
        assertEquals(1.0, shown.get(shown.size() - 1), "the bar ends full");
        assertTrue(
                shown.stream().filter(p -> p > 0 && p < 1).count() >= 2,
                "the bar stops on the way as the basis sheet is written: " + shown);
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(
                    shown.get(i) >= shown.get(i - 1) || shown.get(i - 1) == FileExport.UNKNOWN,
                    "the bar never goes back: " + shown);
        }
        assertFalse(model.export().isRunning());
    }

    @Test
    void aCancelLeavesTheFileThatWasThere() throws Exception {
        Path file = dir.resolve("indicators.xlsx");
        Files.writeString(file, "last week's figures", StandardCharsets.UTF_8);
        // The team lead presses cancel as soon as the bar moves.
        model.export().progressProperty().addListener((o, old, now) -> {
            if (now.doubleValue() > 0) {
                model.export().cancel();
            }
        });

        model.exportXlsx(file, saved::add);

        assertEquals(List.of(), saved, "a cancelled export is not reported as saved");
        assertEquals(List.of(), failedFiles, "nor as failed");
        assertEquals("last week's figures", Files.readString(file, StandardCharsets.UTF_8));
        assertFalse(model.export().isRunning(), "the buttons come back");
        try (var left = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().startsWith(".writing-"))
                            .toList(),
                    "no half-written file is left beside it");
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedInTheFailure() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notAFolder.resolve("indicators.csv");

        model.exportCsv(file, saved::add);

        assertEquals(List.of(file), failedFiles);
        assertEquals(List.of(), saved);
        assertFalse(model.export().isRunning());
    }
}

package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.domain.SelfSupport;
import se.jobbtorg.coach.domain.SocialstyrelsenCodes;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.IndicatorTable;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * A team lead opens the summary of the demo caseload, reads a figure, opens the people behind it, exports CSV,
 * and exports the CSV by Socialstyrelsen's categories from the keyboard.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SummaryUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private AppContext context;
    private Path exports;
    private Path exported;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("summary-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        var me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        // The summary is a team lead's: the database's user is one (changed with the passphrase).
        assertTrue(context.security().changeRole(TestPassphrase.get(), Role.TEAM_LEAD));
        context.demo().populate(11, 120, me);
        // The picker answers with the suggested name in a folder of this run's own.
        exports = dir.resolve("export-" + System.nanoTime());
        exported = exports.resolve(SV.get("summary.fileName"));
        Ui.showMain(
                stage,
                context,
                new MainWindow(
                        stage,
                        context.ui(),
                        SV,
                        me,
                        context.coaches().role(),
                        () -> {},
                        (owner, title, name, extension) -> exports.resolve(name).toFile()));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<IndicatorTable.Row> table(FxRobot robot) {
        return robot.lookup("#summaryTable").queryAs(TableView.class);
    }

    @Test
    void theSummaryShowsTheDemoFiguresOpensThePeopleBehindAndExports(FxRobot robot) throws Exception {
        robot.clickOn("#navSummary");
        Ui.waitFor(() ->
                Ui.showing(robot, "#summaryTable") && !table(robot).getItems().isEmpty());

        var expected = context.ui().indicators().compute(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 24), null);
        IndicatorTable.Row enrolled = table(robot).getItems().get(0);
        assertEquals(SV.get("report.enrolled"), enrolled.figure());
        assertEquals(Integer.toString(expected.enrolled().count()), enrolled.value());
        assertTrue(expected.enrolled().count() > 20, "the demo caseload has a year and more of enrolments");
        var twelve = expected.selfSupport().get(2);
        IndicatorTable.Row strict = table(robot).getItems().stream()
                .filter(r -> r.figure().equals(SV.get("report.selfSupport.strict", 12)))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Integer.toString(
                        twelve.shares().get(SelfSupport.STRICT).numerator().count()),
                strict.numerator());
        assertEquals(Integer.toString(twelve.cohort().count()), strict.denominator());
        Ui.shot(robot, "#summaryTable", "summary");

        // The people behind "enrolled": Enter on the first row.
        robot.clickOn(SV.get("report.enrolled")).type(KeyCode.ENTER);
        Ui.waitFor(() -> Ui.showing(robot, "#summaryPeople")
                && Ui.rows(robot, "#summaryPeople") == expected.enrolled().count());
        Ui.shot(robot, "#summaryPeople", "summary-people");
        robot.type(KeyCode.ESCAPE);
        Ui.waitFor(() -> !Ui.showing(robot, "#summaryPeople"));

        robot.clickOn("#summaryExport");
        Ui.waitFor(() -> Files.exists(exported) && Ui.showing(robot, ".dialog-pane"));
        String csv = Files.readString(exported, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF" + SV.get("report.title")));
        assertTrue(csv.contains(
                SV.get("report.enrolled") + ";" + expected.enrolled().count() + ";"));
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> !Ui.showing(robot, ".dialog-pane"));

        // Socialstyrelsen's categories from the keyboard: Alt+S, the mnemonic of the button; for
        // internal use, so that the rows add up to the exits whatever their size.
        Path national = exports.resolve(SV.get("summary.fileName.national"));
        robot.clickOn("#summaryInternal");
        Ui.waitFor(() -> robot.lookup("#summaryInternal")
                .queryAs(javafx.scene.control.CheckBox.class)
                .isSelected());
        robot.press(KeyCode.ALT).type(KeyCode.S).release(KeyCode.ALT);
        Ui.waitFor(() -> Files.exists(national) && Ui.showing(robot, ".dialog-pane"));
        List<CSVRecord> records;
        try (var in = Files.newBufferedReader(national, StandardCharsets.UTF_8)) {
            assertEquals('\uFEFF', in.read());
            records = CSVFormat.Builder.create(CSVFormat.EXCEL)
                    .setDelimiter(';')
                    .get()
                    .parse(in)
                    .getRecords();
        }
        assertEquals(SV.get("report.national.title"), records.get(0).get(0));
        int exits = expected.unknownReason().denominator().count();
        var exitRows = records.stream()
                .filter(r -> r.size() == 8 && r.get(0).equals(SV.get("report.national.section.exits")))
                .toList();
        assertEquals(SocialstyrelsenCodes.NationalExit.values().length, exitRows.size());
        assertEquals(
                exits,
                exitRows.stream().mapToInt(r -> Integer.parseInt(r.get(3))).sum(),
                "the rows add up to every exit of the period");
        exitRows.forEach(r -> assertEquals(Integer.toString(exits), r.get(4), "each row states its denominator"));
        robot.type(KeyCode.ENTER);
    }
}

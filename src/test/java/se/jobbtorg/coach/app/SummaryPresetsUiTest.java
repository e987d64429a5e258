package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import se.jobbtorg.coach.domain.PeriodPreset;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.report.IndicatorTable;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * Issue 14's path through the summary: a preset sets the period, Compute counts it, the arrows
 * move through the figures and the panel below follows with each definition, a person behind a
 * figure opens their page, and the CSV leaves out counts of 1 to 4 unless "internal use" is ticked.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SummaryPresetsUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private AppContext context;
    private Path exports;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("presets-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        var me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        assertTrue(context.security().changeRole(TestPassphrase.get(), Role.TEAM_LEAD));
        context.demo().populate(11, 120, me);
        exports = dir.resolve("export-" + System.nanoTime());
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

    /** The table focused with this row selected, as the arrows leave it. */
    private static void focusRow(FxRobot robot, int row) throws Exception {
        robot.interact(() -> {
            table(robot).requestFocus();
            table(robot).getSelectionModel().clearAndSelect(row);
            table(robot).getFocusModel().focus(row);
        });
        Ui.waitFor(() -> Ui.focused(robot, "#summaryTable")
                && table(robot).getSelectionModel().getSelectedIndex() == row);
    }

    private static LocalDate date(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(DatePicker.class).getValue();
    }

    private static String definition(FxRobot robot) {
        return robot.lookup("#summaryDefinition").queryAs(TextArea.class).getText();
    }

    private static Map<String, CSVRecord> figures(Path csv) throws Exception {
        try (var in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            assertEquals('\uFEFF', in.read());
            return CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get().parse(in).getRecords().stream()
                    .filter(r -> r.size() == 6)
                    .collect(Collectors.toMap(r -> r.get(0) + "/" + r.get(1), Function.identity(), (a, b) -> a));
        }
    }

    private void export(FxRobot robot, Path file) throws Exception {
        Files.deleteIfExists(file);
        robot.press(KeyCode.ALT).type(KeyCode.C).release(KeyCode.ALT);
        Ui.waitFor(() -> Files.exists(file) && Ui.showing(robot, ".dialog-pane"));
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> !Ui.showing(robot, ".dialog-pane"));
    }

    @Test
    void aPresetComputesTheDefinitionFollowsThePeopleOpenAndSmallNumbersStayInside(FxRobot robot) throws Exception {
        robot.clickOn("#navSummary");
        Ui.waitFor(() ->
                Ui.showing(robot, "#summaryTable") && !table(robot).getItems().isEmpty());

        // Last year, from the preset box, then Compute (Alt+B).
        Ui.choose(robot, "#summaryPreset", SV.get("summary.preset.lastYear"));
        Ui.waitFor(() -> LocalDate.of(2025, 1, 1).equals(date(robot, "#summaryFrom"))
                && LocalDate.of(2025, 12, 31).equals(date(robot, "#summaryTo")));
        var expected = context.ui().indicators().compute(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null);
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        Ui.waitFor(() -> table(robot)
                .getItems()
                .get(0)
                .value()
                .equals(Integer.toString(expected.enrolled().count())));
        assertEquals(
                PeriodPreset.LAST_YEAR,
                robot.lookup("#summaryPreset").queryAs(ComboBox.class).getValue());

        // The arrows move through the figures; the panel below follows, with the unit.
        focusRow(robot, 0);
        for (int i = 0; i < 16; i++) {
            var row = table(robot).getSelectionModel().getSelectedItem();
            Ui.waitFor(() -> definition(robot).contains(row.figure())
                    && definition(robot).contains(row.definition()));
            assertTrue(definition(robot).contains(SV.get(row.unit().key())), definition(robot));
            robot.type(KeyCode.DOWN);
        }
        var share = table(robot).getItems().stream()
                .filter(r -> r.unit() == IndicatorTable.Unit.SHARE)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> table(robot).getSelectionModel().select(share));
        Ui.waitFor(() -> definition(robot)
                .contains(SV.get("summary.definition.share", share.numerator(), share.denominator(), "")
                        .replace(" %.", "")));
        // Tab goes on from the table to the panel, which reads but does not change.
        focusRow(robot, table(robot).getItems().indexOf(share));
        robot.type(KeyCode.TAB);
        Ui.waitFor(() -> Ui.focused(robot, "#summaryDefinition"));
        assertFalse(robot.lookup("#summaryDefinition").queryAs(TextArea.class).isEditable());
        Ui.shot(robot, "#summaryTable", "summary-definition");

        // The people behind "enrolled": Enter on a person opens their page.
        focusRow(robot, 0);
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> Ui.showing(robot, "#summaryPeople") && Ui.rows(robot, "#summaryPeople") > 0);
        robot.clickOn(robot.lookup("#summaryPeople .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> !Ui.showing(robot, "#summaryPeople") && Ui.showing(robot, "#participantName"));
        Ui.shot(robot, "#participantName", "summary-person-opened");

        // Back to the summary: the CSV leaves out counts of one to four by default.
        robot.clickOn("#navSummary");
        Ui.waitFor(() -> Ui.showing(robot, "#summaryTable"));
        Path csv = exports.resolve(SV.get("summary.fileName"));
        export(robot, csv);
        Map<String, CSVRecord> suppressed = figures(csv);
        assertTrue(Files.readString(csv, StandardCharsets.UTF_8).contains(SV.get("report.smallNumbers.suppressed")));
        List<IndicatorTable.Row> small = table(robot).getItems().stream()
                .filter(r -> r.unit() == IndicatorTable.Unit.COUNT
                        && r.number() != null
                        && r.number() >= 1
                        && r.number() <= 4)
                .toList();
        assertFalse(small.isEmpty(), "the demo's year has figures of 1 to 4 people");
        for (IndicatorTable.Row row : small) {
            assertEquals(
                    "< 5", suppressed.get(row.section() + "/" + row.figure()).get(2), row.figure());
        }

        // Ticked for internal use: the real numbers, and the file says so.
        robot.clickOn("#summaryInternal");
        Ui.waitFor(
                () -> robot.lookup("#summaryInternal").queryAs(CheckBox.class).isSelected());
        export(robot, csv);
        Map<String, CSVRecord> internal = figures(csv);
        assertTrue(Files.readString(csv, StandardCharsets.UTF_8).contains(SV.get("report.smallNumbers.internal")));
        for (IndicatorTable.Row row : small) {
            assertEquals(
                    row.value(),
                    internal.get(row.section() + "/" + row.figure()).get(2),
                    row.figure());
        }
    }
}

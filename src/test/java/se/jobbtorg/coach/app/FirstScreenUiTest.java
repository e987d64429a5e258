package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * The window's first screen (decision 0016): Today, with its summary once its items are read;
 * the caseload joins the window right after it, without its tab being shown, and is there,
 * filled, the moment a person asks for it.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FirstScreenUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("first-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        // Enrolled 20 days ago with nothing done since: her mapping and plan are overdue.
        Ui.enrolled(context, me, TODAY.minusDays(20));
        window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private TabPane tabs(FxRobot robot) {
        return robot.lookup(".tab-pane").queryAs(TabPane.class);
    }

    @Test
    void todayIsTheFirstScreenWithItsItemsCounted(FxRobot robot) throws Exception {
        Ui.waitFor(() -> window.firstScreenRead().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "todayTab", tabs(robot).getSelectionModel().getSelectedItem().getId());
        int items = Ui.rows(robot, "#todayTable");
        assertTrue(items > 0, "Amina's overdue work is on Today");
        assertEquals(
                items + " försenade av " + items + " att göra",
                WaitForAsyncUtils.asyncFx(() -> Ui.text(robot, "#todaySummary")).get());
    }

    @Test
    void theCaseloadJoinsAfterTheFirstScreenWithoutBeingShown(FxRobot robot) throws Exception {
        Tab caseload = tabs(robot).getTabs().stream()
                .filter(t -> "caseloadTab".equals(t.getId()))
                .findFirst()
                .orElseThrow();
        Ui.waitFor(() -> window.firstScreenRead().get());
        Ui.waitFor(() -> caseload.getContent() != null);
        assertEquals(
                "todayTab", tabs(robot).getSelectionModel().getSelectedItem().getId(), "Today stays in front");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 1);
        assertEquals(
                "todayTab", tabs(robot).getSelectionModel().getSelectedItem().getId(), "still Today in front");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        Ui.waitFor(caseload::isSelected);
        Ui.waitFor(() -> Ui.showing(robot, "#caseloadTable"));
        assertEquals(1, Ui.rows(robot, "#caseloadTable"), "Amina, at once");
    }
}

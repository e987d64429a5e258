package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * A team lead gives an enrolment to another coach from the participant's page (the enrolment's
 * coach is chosen at first), and a coach saves the planned meetings as a calendar file.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReassignAndCalendarUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;
    private Coach me;
    private Coach other;
    private Path chosen;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("shell-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        other = context.coaches().addCoach("Samir Haddad", "Jobbtorg Farsta");
        // Reassigning is a team lead's: the database's user is one (changed with the passphrase).
        assertTrue(context.security().changeRole(TestPassphrase.get(), Role.TEAM_LEAD));
        context.demo().populate(7, 12, me);
        // The picker answers with a name without .ics, in a folder of this run's own.
        chosen = dir.resolve("kalender-" + System.nanoTime());
        window = new MainWindow(
                stage,
                context.ui(),
                SV,
                me,
                context.coaches().role(),
                () -> {},
                (owner, title, name, extension) -> chosen.toFile());
        Ui.showMain(stage, context, window);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void anEnrolmentGoesToAnotherCoach(FxRobot robot) throws Exception {
        var entry = context.caseload().caseload(me.id(), "").stream()
                .filter(e ->
                        e.enrolment().filter(en -> me.id().equals(en.coachId())).isPresent())
                .findFirst()
                .orElseThrow();
        UUID participant = entry.participant().id();
        Enrolment before = entry.latestEnrolment();
        robot.interact(() -> window.open(participant));
        Ui.waitFor(() -> Ui.showing(robot, "#enrolmentTable")
                && !robot.lookup("#enrolmentTable")
                        .queryAs(TableView.class)
                        .getItems()
                        .isEmpty());
        // The table is the participant's enrolments, newest first: the latest is the first row.
        robot.interact(() -> robot.lookup("#enrolmentTable")
                .queryAs(TableView.class)
                .getSelectionModel()
                .select(0));
        robot.clickOn("#participantReassignButton");
        Ui.waitFor(() -> Ui.showing(robot, "#reassignDialog"));
        @SuppressWarnings("unchecked")
        ComboBox<Object> coaches = robot.lookup("#reassignDialog .combo-box").queryAs(ComboBox.class);
        assertEquals("Linnea Ek (Jobbtorg Kista)", coaches.getValue().toString(), "the enrolment's coach at first");
        Ui.shot(robot, "#reassignDialog", "reassign");
        robot.interact(() -> coaches.getSelectionModel()
                .select(coaches.getItems().stream()
                        .filter(c -> c.toString().startsWith("Samir Haddad"))
                        .findFirst()
                        .orElseThrow()));
        DialogPane pane = robot.lookup("#reassignDialog").queryAs(DialogPane.class);
        robot.clickOn((Button) pane.lookupButton(ButtonType.OK));
        Ui.waitFor(() -> context.caseload().enrolments(participant).stream()
                .anyMatch(e -> e.id().equals(before.id()) && other.id().equals(e.coachId())));
    }

    @Test
    void thePlannedMeetingsAreSavedAsACalendarFile(FxRobot robot) throws Exception {
        int planned = context.ui().today().plannedMeetings(me.id()).size();
        assertTrue(planned > 0, "the demo caseload has meetings ahead");
        MenuItem export = robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> "menu.file.calendar".equals(i.getId()))
                .findFirst()
                .orElseThrow();
        robot.interact(export::fire);
        Path file = chosen.resolveSibling(chosen.getFileName() + ".ics");
        String saved = SV.get("calendar.saved", planned, file);
        Ui.waitFor(() -> robot.lookup(".dialog-pane").queryAll().stream()
                .flatMap(pane -> pane.lookupAll(".label").stream())
                .anyMatch(n -> n instanceof Label l && saved.equals(l.getText())));
        assertEquals(planned, Files.readString(file).split("BEGIN:VEVENT", -1).length - 1);
    }
}

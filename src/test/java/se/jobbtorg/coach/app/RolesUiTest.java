package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
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
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * What each role sees: a coach has no summary (tab, button, menu item, Ctrl+2) and no reassign
 * on a participant's page; a team lead has them. In the settings a new role needs the database's
 * passphrase: a wrong one is told next to its field and changes nothing, the right one shows the
 * team-lead actions at once.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RolesUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private Stage stage;
    private AppContext context;
    private MainWindow window;
    private UUID amina;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    /** A database whose user began in this role, with one person enrolled, and its window. */
    private void show(FxRobot robot, Role role) {
        context = AppContext.open(dir.resolve("roles-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().begin("Linnea Ek", "Jobbtorg Kista", role);
        amina = Ui.enrolled(context, me, LocalDate.of(2026, 11, 2)).participantId();
        Role stored = context.coaches().role();
        robot.interact(() -> {
            window = new MainWindow(stage, context.ui(), SV, me, stored, this::openSettings);
            Ui.showMain(stage, context, window);
        });
    }

    /** File > Settings as the program opens it. */
    private void openSettings() {
        CoachApplication.openSettings(stage, window, context, SV, 10, 30, choice -> {});
    }

    /** The summary among the window's tabs, read on the FX thread. */
    private boolean summaryTabThere(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream())
                .anyMatch(t -> "summaryTab".equals(t.getId())));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private MenuItem summaryItem(FxRobot robot) {
        return robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> "menu.view.summary".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    }

    private String selectedTab() throws Exception {
        return onFx(() -> {
            var tab = window.shown().selectedTab();
            return tab == null ? "" : tab;
        });
    }

    /** Amina's page open, her enrolment chosen: where a team lead reassigns. */
    private void openAmina(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.rows(robot, "#enrolmentTable") > 0 && Ui.showing(robot, "#participantEnrolButton"));
    }

    private void ctrl2(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        robot.interact(() -> {});
    }

    @Test
    void aCoachSeesNoTeamLeadActions(FxRobot robot) throws Exception {
        show(robot, Role.COACH);
        Ui.waitFor(() -> Ui.showing(robot, "#navToday"));
        assertFalse(Ui.showing(robot, "#navSummary"), "no summary button");
        assertFalse(summaryTabThere(robot), "no summary tab");
        MenuItem item = summaryItem(robot);
        assertFalse(item.isVisible(), "no summary in the View menu");
        ctrl2(robot);
        assertNotEquals("summaryTab", selectedTab(), "Ctrl+2 does nothing for a coach");

        openAmina(robot);
        assertFalse(Ui.showing(robot, "#participantReassignButton"), "no reassign on the participant's page");
        Ui.shot(robot, "#enrolmentTable", "roles-coach");
    }

    @Test
    void aTeamLeadSeesTheSummaryAndReassign(FxRobot robot) throws Exception {
        show(robot, Role.TEAM_LEAD);
        Ui.waitFor(() -> Ui.showing(robot, "#navSummary"));
        assertTrue(summaryTabThere(robot));
        assertTrue(summaryItem(robot).isVisible());
        ctrl2(robot);
        Ui.waitFor(() -> "summaryTab".equals(selectedTab()));

        openAmina(robot);
        Ui.waitFor(() -> Ui.showing(robot, "#participantReassignButton"));
    }

    @Test
    void theRoleChangesInTheSettingsOnlyWithThePassphraseAndTheWindowFollows(FxRobot robot) throws Exception {
        show(robot, Role.COACH);
        openAmina(robot);
        assertFalse(Ui.showing(robot, "#participantReassignButton"));

        // File > Settings (Ctrl+,).
        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        Ui.waitFor(() -> Ui.showing(robot, "#settingsOk") && Ui.showing(robot, "#roleTeamLead"));
        assertTrue(
                robot.lookup("#rolePassphraseField").query().isDisabled(),
                "the passphrase is asked only for another role");
        robot.clickOn("#roleTeamLead");
        Ui.waitFor(() -> !robot.lookup("#rolePassphraseField").query().isDisabled());

        robot.clickOn("#settingsOk");
        Ui.waitFor(() -> Ui.showing(robot, "#rolePassphraseFieldProblem"));
        assertEquals(
                SV.get("settings.role.passphraseMissing"),
                robot.lookup("#rolePassphraseFieldProblem").queryAs(Label.class).getText());

        robot.clickOn("#rolePassphraseField").write("röd cykel i sol 2026");
        robot.clickOn("#settingsOk");
        Ui.waitFor(() -> Ui.showing(robot, "#rolePassphraseFieldProblem")
                && SV.get("settings.role.wrongPassphrase")
                        .equals(robot.lookup("#rolePassphraseFieldProblem")
                                .queryAs(Label.class)
                                .getText()));
        Ui.shot(robot, "#settingsOk", "roles-wrong-passphrase");
        assertTrue(Ui.showing(robot, "#settingsOk"), "the settings stay open");
        assertEquals(Role.COACH, context.coaches().role(), "a wrong passphrase changes nothing");
        assertFalse(Ui.showing(robot, "#navSummary"));
        assertTrue(Ui.focused(robot, "#rolePassphraseField"), "the caret is back in the passphrase field");

        robot.write(TestPassphrase.TEXT);
        robot.clickOn("#settingsOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#settingsOk"));
        assertEquals(Role.TEAM_LEAD, context.coaches().role());
        Ui.waitFor(() -> Ui.showing(robot, "#participantReassignButton"));
        assertTrue(Ui.showing(robot, "#navSummary"), "the summary is there without a restart");
        assertTrue(summaryItem(robot).isVisible());
        robot.clickOn("#navSummary");
        Ui.waitFor(() -> Ui.showing(robot, "#summaryTable"));

        // And back to coach: the summary goes again.
        Platform.runLater(this::openSettings);
        Ui.waitFor(() -> Ui.showing(robot, "#roleCoach"));
        robot.clickOn("#roleCoach");
        robot.clickOn("#rolePassphraseField").write(TestPassphrase.TEXT);
        robot.clickOn("#settingsOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#settingsOk"));
        Ui.waitFor(() -> !Ui.showing(robot, "#navSummary"));
        assertFalse(summaryTabThere(robot));
        assertEquals(Role.COACH, context.coaches().role());
    }

    @Test
    void aDatabaseFromBeforeRolesIsAskedForTheRoleInTheSettings(FxRobot robot) throws Exception {
        context = AppContext.open(dir.resolve("old-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        robot.interact(() -> {
            window = new MainWindow(stage, context.ui(), SV, me, Role.COACH, this::openSettings);
            window.setRoleChosen(false);
            Ui.showMain(stage, context, window);
        });
        Platform.runLater(this::openSettings);
        Ui.waitFor(() -> Ui.showing(robot, "#roleCoach") && Ui.showing(robot, "#rolePassphraseFieldProblem"));
        assertEquals(
                SV.get("settings.role.notChosen"),
                robot.lookup("#rolePassphraseFieldProblem").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#rolePassphraseField").query().isDisabled(), "a coach's too needs choosing");
        Ui.shot(robot, "#settingsOk", "roles-not-chosen");
        robot.clickOn("#rolePassphraseField").write(TestPassphrase.TEXT);
        robot.clickOn("#settingsOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#settingsOk"));
        assertTrue(context.coaches().roleChosen(), "set: need to know works from it now");
        assertEquals(Role.COACH, context.coaches().role());
        assertTrue(window.roleChosen());
    }
}

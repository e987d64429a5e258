package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.domain.CoachContact;
import se.jobbtorg.coach.domain.JobbtorgUnits;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.settings.SettingsDialog;
import se.jobbtorg.coach.ui.settings.SettingsViewModel;

/** The first-run welcome: a name is required, then the choices come back as typed. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsDialogUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 600, 400);
        scene.getStylesheets().add(CoachApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theWelcomeAsksForANameThenReturnsTheChoices(FxRobot robot) throws Exception {
        CompletableFuture<Optional<SettingsViewModel.Choice>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(new SettingsDialog(
                        stage,
                        new SettingsViewModel(SV, "", "", SV.locale(), true)
                                .withUnits(JobbtorgUnits.builtIn().names()),
                        SV)
                .showAndWait()));
        // Shown, not just built: a click on a button in a window still opening misses it.
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#settingsOk")
                        .match(NodeQueryUtils.isVisible())
                        .tryQuery()
                        .isPresent());

        robot.clickOn("#settingsOk");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#coachNameFieldProblem")
                        .match(NodeQueryUtils.isVisible())
                        .tryQuery()
                        .isPresent());
        assertEquals(
                SV.get("validation.required"),
                robot.lookup("#coachNameFieldProblem").queryAs(Label.class).getText());
        Screenshots.save(robot.lookup("#settingsDialog").query().getScene(), "welcome-problem");

        robot.clickOn("#coachNameField").write("Linnea Ek");
        Ui.choose(robot, "#unitField", "Jobbtorg Skärholmen");
        robot.clickOn("#languageChoice").clickOn("English");
        robot.clickOn("#demoChoice");
        assertTrue(
                robot.lookup("#rolePassphraseField").tryQuery().isEmpty(),
                "the first role is chosen without the passphrase just typed twice");
        // By its letter, and Enter from there starts.
        robot.press(KeyCode.ALT).type(KeyCode.G).release(KeyCode.ALT);
        robot.type(KeyCode.ENTER);

        var choice = result.get(10, TimeUnit.SECONDS).orElseThrow();
        assertEquals("Linnea Ek", choice.coachName());
        assertEquals("Jobbtorg Skärholmen", choice.unit());
        assertEquals(Locale.ENGLISH, choice.language());
        assertTrue(choice.demo(), "a new database offers the demo caseload (not ticked: real data comes first)");
        assertEquals(Role.TEAM_LEAD, choice.role(), "the role is chosen at the first start");
    }

    @Test
    void theSettingsTakeTheIdleLockTimeAndTheBackupDaysAsTyped(FxRobot robot) throws Exception {
        CompletableFuture<Optional<SettingsViewModel.Choice>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(new SettingsDialog(
                        stage,
                        new SettingsViewModel(SV, "Linnea Ek", "Jobbtorg Kista", SV.locale(), false, 10, 30)
                                .withUnits(JobbtorgUnits.builtIn().names())
                                .withContact(new CoachContact("", "")),
                        SV)
                .showAndWait()));
        WaitForAsyncUtils.waitFor(
                2,
                TimeUnit.MINUTES,
                () -> robot.lookup("#lockMinutesField")
                        .match(NodeQueryUtils.isVisible())
                        .tryQuery()
                        .isPresent());
        assertTrue(robot.lookup("#demoChoice").tryQuery().isEmpty(), "the demo is offered on the first run only");
        // Typed, not confirmed with Enter: saving still takes it.
        robot.doubleClickOn("#lockMinutesField .text-field").write("25");
        robot.doubleClickOn("#backupDaysField .text-field").write("90");
        robot.clickOn("#coachPhoneField").write("08-508 123 45");
        robot.clickOn("#coachEmailField").write("linnea.ek@example.se");
        robot.clickOn("#settingsOk");
        var choice = result.get(2, TimeUnit.MINUTES).orElseThrow();
        assertEquals(25, choice.lockMinutes());
        assertEquals(90, choice.backupDays(), "how long backups are kept, as typed");
        assertEquals("Linnea Ek", choice.coachName());
        assertEquals(Role.COACH, choice.role(), "the role as it was");
        assertEquals("Jobbtorg Kista", choice.unit(), "the unit as it was");
        assertEquals(new CoachContact("08-508 123 45", "linnea.ek@example.se"), choice.contact());
    }
}

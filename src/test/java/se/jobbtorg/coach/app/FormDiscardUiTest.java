package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.caseload.CaseloadRow;

/**
 * A form dialog closed by Cancel, Escape or its window's close button asks before it throws away
 * what the coach typed; and a person registered but then not enrolled is not lost from sight.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FormDiscardUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final PersonalIdentityNumber NUMBER =
            PersonalIdentityNumber.of(LocalDate.of(1988, 6, 3), 264, false);

    @TempDir
    static Path dir;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("ui-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        Ui.showMain(stage, context, SV, me);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void cancelEscapeAndCloseAskBeforeTheTypedTextIsThrownAway(FxRobot robot) throws Exception {
        robot.clickOn("#navCaseload");
        robot.clickOn("#registerButton");
        Ui.waitFor(() -> Ui.showing(robot, "#firstNameField"));
        robot.clickOn("#firstNameField").write("Ylva");

        // Escape asks; Escape again (or Enter: the safe answer is the default) keeps the text.
        robot.type(KeyCode.ESCAPE);
        Ui.waitFor(() -> Ui.showing(robot, "#confirmDialog"));
        Ui.shot(robot, "#confirmDialog", "discard-question-sv");
        robot.type(KeyCode.ESCAPE);
        Ui.waitFor(() -> !Ui.showing(robot, "#confirmDialog"));
        assertTrue(Ui.showing(robot, "#registrationDialog"), "the form stays open");
        assertEquals(
                "Ylva", robot.lookup("#firstNameField").queryAs(TextField.class).getText());

        // The window's close button asks too.
        Window form = robot.lookup("#registrationDialog").query().getScene().getWindow();
        Platform.runLater(() -> form.fireEvent(new WindowEvent(form, WindowEvent.WINDOW_CLOSE_REQUEST)));
        Ui.waitFor(() -> Ui.showing(robot, "#confirmDialog"));
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> !Ui.showing(robot, "#confirmDialog"));
        assertTrue(Ui.showing(robot, "#registrationDialog"), "Enter keeps the form");

        // Cancel, answered "Kasta texten": the form closes and nothing is registered.
        robot.clickOn("#registrationDialogCancel");
        Ui.waitFor(() -> Ui.showing(robot, "#confirmYes"));
        robot.clickOn("#confirmYes");
        Ui.waitFor(() -> !Ui.showing(robot, "#registrationDialog"));
        assertEquals(0, context.caseload().participantCount());

        // Nothing typed, nothing asked.
        robot.clickOn("#registerButton");
        Ui.waitFor(() -> Ui.showing(robot, "#firstNameField"));
        robot.type(KeyCode.ESCAPE);
        Ui.waitFor(() -> !Ui.showing(robot, "#registrationDialog"));
        assertFalse(Ui.showing(robot, "#confirmDialog"));
    }

    @Test
    void aPersonRegisteredButNotEnrolledIsSaidAndStaysChosen(FxRobot robot) throws Exception {
        robot.clickOn("#navCaseload");
        robot.clickOn("#registerButton");
        Ui.waitFor(() -> Ui.showing(robot, "#personalNumberField"));
        robot.clickOn("#personalNumberField").write(NUMBER.display());
        robot.clickOn("#firstNameField").write("Åsa");
        robot.clickOn("#lastNameField").write("Öberg");
        robot.clickOn("#saveRegistration");
        Ui.waitFor(() -> Ui.showing(robot, "#saveEnrolment"));

        // The coach closes the enrolment: the person is registered, and the program says so.
        robot.type(KeyCode.ESCAPE);
        Ui.waitFor(() ->
                !Ui.showing(robot, "#saveEnrolment") && shown(robot, SV.get("registration.notEnrolled", "Åsa Öberg")));
        robot.type(KeyCode.ENTER);

        // Under "Alla aspiranter" the person is chosen, with "Skriv in…" at hand.
        Ui.choose(robot, "#caseloadScope", SV.get("caseload.scope.all"));
        Ui.waitFor(() -> selectedName(robot).equals("Öberg, Åsa"));
        assertFalse(robot.lookup("#enrolButton").query().isDisabled());
        robot.clickOn("#enrolButton");
        Ui.waitFor(() -> Ui.showing(robot, "#saveEnrolment"));
        robot.clickOn("#referringUnitField").write("Försörjningsstöd Rinkeby-Kista");
        robot.clickOn("#socialSecretaryField").write("Omar Farah");
        robot.clickOn("#targetGroup-unemployed");
        robot.clickOn("#saveEnrolment");
        Ui.waitFor(() -> !Ui.showing(robot, "#saveEnrolment"));

        // Enrolled: still chosen, so "Öppna" opens the page at once.
        Ui.waitFor(() -> selectedName(robot).equals("Öberg, Åsa")
                && !robot.lookup("#openButton").query().isDisabled());
    }

    /** A label with this text is shown, in any window; read on the FX thread. */
    private static boolean shown(FxRobot robot, String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".label")
                        .match(NodeQueryUtils.hasText(text))
                        .match(NodeQueryUtils.isVisible())
                        .tryQuery()
                        .isPresent())
                .get();
    }

    /** The name on the caseload's selected row, read on the FX thread; "" when none. */
    private static String selectedName(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#caseloadTable")
                                        .queryAs(TableView.class)
                                        .getSelectionModel()
                                        .getSelectedItem()
                                instanceof CaseloadRow row
                        ? row.name()
                        : "")
                .get();
    }
}

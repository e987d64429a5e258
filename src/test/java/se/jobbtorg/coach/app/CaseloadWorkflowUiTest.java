package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.caseload.CaseloadRow;

/**
 * A coach registers a person (first with a mistyped number), enrols them, and finds them again
 * by typing part of the name: in a real window, on a real database file, among a demo caseload.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CaseloadWorkflowUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    /** A fixed day, so the test means the same at midnight as at noon. */
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path dir;

    private AppContext context;
    private Coach me;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("ui-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        context.demo().populate(42, 30, me);
        Ui.showMain(stage, context, SV, me);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<CaseloadRow> table(FxRobot robot) {
        return robot.lookup("#caseloadTable").queryAs(TableView.class);
    }

    @Test
    void registerWithAMistakeThenEnrolAndFindByName(FxRobot robot) throws Exception {
        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> !table(robot).getItems().isEmpty());
        int before = context.caseload().participantCount();

        robot.clickOn("#registerButton");
        Ui.waitFor(() -> Ui.showing(robot, "#personalNumberField"));
        PersonalIdentityNumber number = PersonalIdentityNumber.of(LocalDate.of(1991, 2, 14), 417, false);
        String display = number.display();
        char last = display.charAt(display.length() - 1);
        String wrongCheckDigit = display.substring(0, display.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);

        robot.clickOn("#personalNumberField").write(wrongCheckDigit);
        robot.clickOn("#firstNameField").write("Ängla");
        robot.clickOn("#lastNameField").write("Östgård");
        robot.clickOn("#saveRegistration");
        Ui.waitFor(() -> Ui.showing(robot, "#personalNumberFieldProblem"));
        assertEquals(
                SV.get("pin.problem.WRONG_CHECK_DIGIT"),
                robot.lookup("#personalNumberFieldProblem").queryAs(Label.class).getText());
        assertTrue(Ui.showing(robot, "#saveRegistration"), "the dialog stays open");
        Screenshots.save(robot.lookup("#registrationDialog").query().getScene(), "registration-problem");
        assertEquals(before, context.caseload().participantCount(), "nothing was saved");

        TextField numberField = robot.lookup("#personalNumberField").queryAs(TextField.class);
        robot.doubleClickOn(numberField).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        robot.write(display.replace("-", ""));
        Ui.waitFor(() -> !Ui.showing(robot, "#personalNumberFieldProblem"));
        robot.clickOn("#saveRegistration");

        // Registering leads straight on to the enrolment of the same person.
        Ui.waitFor(() -> Ui.showing(robot, "#saveEnrolment"));
        assertEquals(before + 1, context.caseload().participantCount());
        robot.clickOn("#referringUnitField").write("Försörjningsstöd Rinkeby-Kista");
        robot.clickOn("#socialSecretaryField").write("Omar Farah");
        robot.clickOn("#targetGroup-unemployed");
        robot.clickOn("#targetGroup-sfi");
        robot.clickOn("#languageField").write("arabiska");
        robot.clickOn("#interpreterField");
        Screenshots.save(robot.lookup("#enrolmentDialog").query().getScene(), "enrolment");
        robot.clickOn("#saveEnrolment");
        Ui.waitFor(() -> !Ui.showing(robot, "#saveEnrolment"));

        robot.clickOn("#caseloadSearch").write("östg");
        Ui.waitFor(() -> table(robot).getItems().size() == 1);
        CaseloadRow row = table(robot).getItems().get(0);
        assertEquals("Östgård, Ängla", row.name());
        assertEquals(display, row.number());
        assertEquals(TODAY, row.enrolledOn());
        assertEquals(0L, row.daysEnrolled());
        assertEquals("Linnea Ek", row.coach());
        assertEquals(CaseloadRow.Status.OPEN, row.status());
        Screenshots.save(robot.lookup("#caseloadTable").query().getScene(), "caseload-search");

        // The same row by part of the number, and the participant page shows the enrolment.
        TextField search = robot.lookup("#caseloadSearch").queryAs(TextField.class);
        robot.interact(search::clear);
        robot.clickOn(search).write(number.normalised().substring(2, 8));
        Ui.waitFor(() -> table(robot).getItems().size() == 1
                && table(robot).getItems().get(0).name().equals("Östgård, Ängla"));
        robot.clickOn("Östgård, Ängla").type(KeyCode.ENTER);
        Ui.waitFor(() -> robot.lookup("#enrolmentTable").tryQuery().isPresent()
                && robot.lookup("#enrolmentTable")
                                .queryAs(TableView.class)
                                .getItems()
                                .size()
                        == 1);
        assertEquals(
                "Ängla Östgård",
                robot.lookup("#participantName").queryAs(Label.class).getText());
        List<?> enrolments =
                robot.lookup("#enrolmentTable").queryAs(TableView.class).getItems();
        assertEquals(1, enrolments.size());
        Screenshots.save(robot.lookup("#enrolmentTable").query().getScene(), "participant");
    }

    @Test
    void aPersonWhoCameBackShowsEveryEnrolment(FxRobot robot) throws Exception {
        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> !table(robot).getItems().isEmpty());
        var returning = context.caseload().caseload(null, "").stream()
                .filter(e -> context.caseload().enrolments(e.participant().id()).size() > 1)
                .findFirst()
                .orElseThrow();
        String name = returning.participant().listName();

        robot.clickOn("#caseloadScope").clickOn(SV.get("caseload.scope.all"));
        robot.clickOn("#caseloadSearch")
                .write(returning.participant().personalNumber().normalised());
        Ui.waitFor(() -> table(robot).getItems().size() == 1
                && table(robot).getItems().get(0).name().equals(name));
        robot.clickOn(name).type(KeyCode.ENTER);
        Ui.waitFor(() -> robot.lookup("#enrolmentTable").tryQuery().isPresent()
                && robot.lookup("#enrolmentTable")
                                .queryAs(TableView.class)
                                .getItems()
                                .size()
                        == 2);
        Screenshots.save(robot.lookup("#enrolmentTable").query().getScene(), "participant-history");

        // Ctrl+W closes the participant's tab and the caseload is back.
        robot.push(KeyCode.CONTROL, KeyCode.W);
        Ui.waitFor(() -> robot.lookup("#enrolmentTable").tryQuery().isEmpty());
        Ui.waitFor(() -> Ui.showing(robot, "#caseloadTable"));
    }
}

package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * An exit entered in error (the wrong person) is undone from the exit tab with a reason, by
 * keyboard: the enrolment is open again, and the undone exit stays below, struck through. The
 * check a month after is undone the same way and can then be made again.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ExitUndoUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate EXITED = TODAY.minusDays(40);
    private static final LocalDate CHECKED = TODAY.minusDays(2);

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;
    private Stage stage;
    private Coach me;
    private UUID amina;
    private Enrolment enrolment;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.open(dir.resolve("undo-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        enrolment = Ui.enrolled(context, me, TODAY.minusDays(120));
        amina = enrolment.participantId();
        context.workflow().exit(new ExitDraft(enrolment.id(), EXITED, ExitReason.UNSUBSIDISED_WORK, null));
        context.workflow().checkExit(enrolment.id(), ExitCheck.IN_WORK_OR_STUDIES, CHECKED);
        window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private void openExitTab(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workExit"));
        robot.clickOn("#workExit");
        Ui.waitFor(() -> Ui.showing(robot, "#exitUndo"));
    }

    private static boolean labelShown(FxRobot robot, String text) {
        return robot.lookup(".label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.isVisible() && text.equals(l.getText()));
    }

    /** Whether the main window's focus is on the node with this id or inside it. */
    private boolean focusIn(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    for (Node n = stage.getScene().getFocusOwner(); n != null; n = n.getParent()) {
                        if (id.equals(n.getId())) {
                            return true;
                        }
                    }
                    return false;
                })
                .get();
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT).type(key).release(KeyCode.ALT);
    }

    @Test
    void anExitEnteredInErrorIsUndoneWithAReasonAndTheEnrolmentIsOpenAgain(FxRobot robot) throws Exception {
        openExitTab(robot);

        // From the tab, Tab reaches "Ångra avslutet…" first, and Space presses it.
        robot.type(KeyCode.TAB);
        Ui.waitFor(() -> focusIn("exitUndo"));
        robot.type(KeyCode.SPACE);
        Ui.waitFor(() -> Ui.showing(robot, "#voidDialogOk"));
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> labelShown(robot, SV.get("void.problem.reason")));
        assertTrue(!context.caseload().enrolments(amina).get(0).isOpen(), "a refusal changes nothing");
        robot.clickOn("#voidReason").write("Avslutet gjordes på fel aspirant");
        Ui.shot(robot, "#voidDialogOk", "exit-undo");
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#voidDialogOk") && Ui.showing(robot, "#exitForm"));

        assertTrue(context.caseload().enrolments(amina).get(0).isOpen(), "open again");
        // The focus stays in the work: on the exit form that took the undone exit's place.
        Ui.waitFor(() -> focusIn("exitForm"));
        assertNull(context.workflow().work(enrolment.id()).exitCheck(), "its check went with it");
        Ui.waitFor(() -> labelShown(robot, SV.get("exit.undone", SV.date(EXITED)))
                && labelShown(robot, SV.get("exit.undone.why", SV.date(TODAY), "Avslutet gjordes på fel aspirant")));
        assertTrue(
                robot.lookup("#exitUndone .label.voided").queryAll().stream()
                        .anyMatch(n ->
                                n instanceof Label l && l.getText().equals(SV.get("exit.undone", SV.date(EXITED)))),
                "the undone exit is struck through");
        Ui.shot(robot, "#exitForm", "exit-undone");
    }

    @Test
    void aCheckEnteredInErrorIsUndoneAndCanBeMadeAgain(FxRobot robot) throws Exception {
        openExitTab(robot);
        assertTrue(!robot.lookup("#exitCheckUndo").queryButton().isDisabled(), "a check is recorded");

        alt(robot, KeyCode.M);
        Ui.waitFor(() -> Ui.showing(robot, "#voidReason"));
        robot.clickOn("#voidReason").write("Kontrollen gällde en annan person");
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#voidDialogOk")
                && labelShown(robot, SV.get("exit.check.undone", SV.date(CHECKED))));

        var work = context.workflow().work(enrolment.id());
        assertNull(work.exitCheck());
        assertEquals(EXITED, context.caseload().enrolments(amina).get(0).exitedOn(), "the exit stays");
        Ui.waitFor(() -> robot.lookup("#exitCheckUndo").queryButton().isDisabled());

        Ui.choose(robot, "#exitCheck", SV.of(ExitCheck.NOT_IN_WORK_OR_STUDIES));
        robot.clickOn("#exitCheckSave");
        Ui.waitFor(() -> context.workflow().work(enrolment.id()).exitCheck() == ExitCheck.NOT_IN_WORK_OR_STUDIES);
    }

    @Test
    void aLongReasonWrapsAndIsShownWhole(FxRobot robot) throws Exception {
        String reason = "Avslutet gjordes på fel aspirant: två personer med samma efternamn hade möte samma dag, "
                + "och avslutet sparades under fel flik innan någon hann se det. Den rätta aspiranten "
                + "fortsätter i verksamheten och avslutas när det blir aktuellt.";
        context.workflow().undoExit(enrolment.id(), reason, me.id());
        String why = SV.get("exit.undone.why", SV.date(TODAY), reason);
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workExit"));
        robot.clickOn("#workExit");
        Ui.waitFor(() -> Ui.showing(robot, "#exitForm") && labelShown(robot, why));
        WaitForAsyncUtils.waitForFxEvents();

        // Every label of the line drawn whole: the exit's date beside the reason, and the reason.
        List<String> cut = WaitForAsyncUtils.asyncFx(() ->
                        robot.lookup("#exitUndone .label").queryAllAs(Label.class).stream()
                                .filter(l -> {
                                    double right =
                                            l.localToScene(l.getBoundsInLocal()).getMaxX();
                                    String drawn = l.getChildrenUnmodifiable().stream()
                                            .filter(n -> n instanceof Text)
                                            .map(n -> ((Text) n).getText())
                                            .findFirst()
                                            .orElse("");
                                    return right > stage.getScene().getWidth() || !drawn.equals(l.getText());
                                })
                                .map(Label::getText)
                                .toList())
                .get();
        assertEquals(List.of(), cut, "shown whole, the reason on as many lines as it needs");
        Ui.shot(robot, "#exitUndone", "exit-undone-long");
    }
}

package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.lock.Lock;
import se.jobbtorg.coach.ui.workflow.WorkTab;
import se.jobbtorg.coach.ui.workflow.WorkView;

/**
 * Nothing typed is lost: the plan's wishes typed but not saved survive an activity added, and
 * closing the participant's tab (Ctrl+W, its x), quitting (Ctrl+Q, the window's close, the
 * lock's Quit) and the language switch ask first: Cancel keeps the text, Save stores it, Discard lets it go.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class UnsavedWorkUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String WISHES = "Vill arbeta inom barnomsorg";

    @TempDir
    static Path dir;

    private AppContext context;
    private Stage stage;
    private Coach me;
    private MainWindow window;
    private UUID amina;
    private Enrolment enrolment;
    private ActivityPlan draft;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.open(dir.resolve("unsaved-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        enrolment = Ui.enrolled(context, me, TODAY.minusDays(20));
        amina = enrolment.participantId();
        draft = context.workflow().draft(enrolment.id(), false);
        window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** Amina's page at the plan, the wishes typed and not saved. */
    private void typeWishes(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workTabs"));
        robot.interact(() -> robot.lookup("#workTabs").queryAs(WorkView.class).show(WorkTab.PLAN));
        Ui.waitFor(() -> Ui.showing(robot, "#planWishes")
                && !robot.lookup("#planWishes").query().isDisabled());
        robot.clickOn("#planWishes").write(WISHES);
        Ui.waitFor(() -> work(robot).model().hasUnsavedWork());
    }

    private static WorkView work(FxRobot robot) {
        return robot.lookup("#workTabs").queryAs(WorkView.class);
    }

    private static String wishes(FxRobot robot) {
        return robot.lookup("#planWishes").queryAs(TextArea.class).getText();
    }

    private boolean participantTabOpen(FxRobot robot) {
        return robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream())
                .anyMatch(t -> amina.equals(t.getUserData()));
    }

    private static boolean onAParticipantsTab(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null && n.getId().startsWith("participant-")) {
                return true;
            }
        }
        return false;
    }

    private String storedWishes() {
        return context.workflow()
                .work(enrolment.id())
                .currentPlan()
                .orElseThrow()
                .wishes();
    }

    private static String question(FxRobot robot) {
        return ((Label) robot.lookup("#unsavedDialog").queryAs(DialogPane.class).getContent()).getText();
    }

    @Test
    void theWishesTypedStayWhenAnActivityIsAdded(FxRobot robot) throws Exception {
        typeWishes(robot);

        // What the activity dialog's save does: the activity stored, then the page reads again.
        context.workflow()
                .addActivity(
                        draft.id(),
                        new ActivityDraft(
                                ActivityKind.COACHING, null, "Komvux Kista", null, TODAY, TODAY.plusMonths(3)));
        robot.interact(() -> work(robot).model().load());
        Ui.waitFor(() -> Ui.rows(robot, "#planActivities") == 1);

        assertEquals(WISHES, wishes(robot));
        assertTrue(work(robot).model().hasUnsavedWork());
    }

    @Test
    void ctrlWAsksCancelKeepsTheTextAndSaveStoresIt(FxRobot robot) throws Exception {
        typeWishes(robot);

        robot.push(KeyCode.CONTROL, KeyCode.W);
        Ui.waitFor(() -> Ui.showing(robot, "#unsavedDialog"));
        assertTrue(question(robot).contains("Yilmaz"), "the question names whose text it is: " + question(robot));
        Ui.shot(robot, "#unsavedDialog", "unsaved-question-sv");
        robot.push(KeyCode.ESCAPE);
        Ui.waitFor(() -> !Ui.showing(robot, "#unsavedDialog"));

        assertTrue(participantTabOpen(robot), "Cancel keeps the tab");
        assertEquals(WISHES, wishes(robot), "Cancel keeps the text");

        robot.push(KeyCode.CONTROL, KeyCode.W);
        Ui.waitFor(() -> Ui.showing(robot, "#unsavedSave"));
        robot.clickOn("#unsavedSave");
        Ui.waitFor(() -> !participantTabOpen(robot));
        assertEquals(WISHES, storedWishes());
    }

    @Test
    void theTabsCloseButtonAsksAndDiscardLetsTheTextGo(FxRobot robot) throws Exception {
        typeWishes(robot);

        Node closeButton = robot.lookup(".tab-close-button").queryAll().stream()
                .filter(UnsavedWorkUiTest::onAParticipantsTab)
                .findFirst()
                .orElseThrow();
        robot.clickOn(closeButton);
        Ui.waitFor(() -> Ui.showing(robot, "#unsavedDiscard"));
        robot.clickOn("#unsavedDiscard");

        Ui.waitFor(() -> !participantTabOpen(robot));
        assertEquals(null, storedWishes());
    }

    @Test
    void quittingAsksAndTheWindowsCloseToo(FxRobot robot) throws Exception {
        typeWishes(robot);

        // The window's own close (its x): asked, and Cancel keeps the window and the text.
        // Later, not in interact: the question's dialog waits for an answer on the FX thread.
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        Ui.waitFor(() -> Ui.showing(robot, "#unsavedCancel"));
        robot.clickOn("#unsavedCancel");
        Ui.waitFor(() -> !Ui.showing(robot, "#unsavedDialog"));
        assertTrue(stage.isShowing());
        assertEquals(WISHES, wishes(robot));

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        Ui.waitFor(() -> Ui.showing(robot, "#unsavedSave"));
        robot.clickOn("#unsavedSave");
        Ui.waitFor(() -> !stage.isShowing());
        assertEquals(WISHES, storedWishes());
    }

    @Test
    void theLocksQuitAsksLikeEveryOtherQuit(FxRobot robot) throws Exception {
        typeWishes(robot);
        // Made as the program makes it: its Quit is the window's quit.
        Lock lock = new Lock(
                stage, SV, context.ui().tasks(), context.security()::unlocks, Duration.ofMinutes(10), window::quit);
        try {
            robot.interact(lock::lock);
            Ui.waitFor(() -> Ui.showing(robot, "#passphraseCancel"));

            robot.clickOn("#passphraseCancel");
            Ui.waitFor(() -> Ui.showing(robot, "#unsavedDialog"));
            assertEquals(SV.get("unsaved.hidden"), question(robot), "asked without a name while locked");
            robot.clickOn("#unsavedCancel");
            Ui.waitFor(() -> !Ui.showing(robot, "#unsavedDialog"));
            assertTrue(stage.isShowing(), "Cancel keeps the program");
            assertTrue(lock.isLocked(), "and the lock");
            assertEquals(null, storedWishes());

            robot.clickOn("#passphraseCancel");
            Ui.waitFor(() -> Ui.showing(robot, "#unsavedSave"));
            robot.clickOn("#unsavedSave");
            Ui.waitFor(() -> !stage.isShowing());
            assertEquals(WISHES, storedWishes());
        } finally {
            robot.interact(lock::stop);
        }
    }

    @Test
    void theLanguageSwitchAsksThenOpensTheParticipantAgainInTheNewLanguage(FxRobot robot) throws Exception {
        typeWishes(robot);
        MainWindow[] now = {window};

        // What the program does on a new language: ask, then build the window anew and reopen.
        Platform.runLater(() -> window.afterAsking(() -> {
            MainWindow.Shown before = window.shown();
            window.retire();
            now[0] = new MainWindow(stage, context.ui(), EN, me, () -> {});
            stage.getScene().setRoot(now[0]);
            now[0].show(before);
        }));
        Ui.waitFor(() -> Ui.showing(robot, "#unsavedSave"));
        robot.clickOn("#unsavedSave");

        Ui.waitFor(() -> now[0] != window && participantTabOpen(robot));
        assertEquals(WISHES, storedWishes());
        Ui.waitFor(() -> Ui.showing(robot, "#participantName")
                && Ui.text(robot, "#participantName").contains("Yilmaz"));
        UUID shown = (UUID) robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .map(p -> p.getSelectionModel().getSelectedItem())
                .filter(t -> t != null && t.getUserData() instanceof UUID)
                .findFirst()
                .orElseThrow()
                .getUserData();
        assertEquals(amina, shown, "the participant's page is selected again");
        assertFalse(Ui.showing(robot, "#unsavedDialog"));
    }
}

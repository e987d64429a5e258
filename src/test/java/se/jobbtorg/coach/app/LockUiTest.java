package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
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
import se.jobbtorg.coach.domain.Passphrase;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.store.Database;
import se.jobbtorg.coach.store.WrongPassphraseException;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.common.FxTaskRunner;
import se.jobbtorg.coach.ui.lock.Lock;
import se.jobbtorg.coach.ui.lock.PassphraseView;
import se.jobbtorg.coach.ui.lock.PassphraseViewModel;

/**
 * The passphrase screen as a new coach meets it (chosen twice, a hint, a mismatch said), and the
 * lock: Ctrl+L takes the caseload off the screen, a wrong passphrase is refused with a wait, the
 * right one brings the window back as it was.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LockUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));

    @TempDir
    static Path dir;

    private Stage stage;
    private AppContext context;
    private final FxTaskRunner tasks = new FxTaskRunner();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(), 1000, 700);
        scene.getStylesheets().add(CoachApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        if (context != null) {
            context.close();
        }
    }

    /** Asked on the FX thread: the lock swaps the scene's root, and a query must not see it half-way. */
    private static boolean showing(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Ui.showing(robot, query)).get();
    }

    @Test
    void aNewCoachChoosesAPassphraseTypedTwiceAndTheCaseloadIsCreatedEncrypted(FxRobot robot) throws Exception {
        Path file = dir.resolve("new-" + System.nanoTime() + ".db");
        AtomicReference<AppContext> opened = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Platform.runLater(() -> {
            var model = new PassphraseViewModel(
                    PassphraseViewModel.Mode.CREATE, SV, tasks, PassphraseView::fxDelay, (passphrase, unused) -> {
                        try (passphrase) {
                            opened.set(AppContext.open(file, CLOCK, passphrase));
                            return PassphraseViewModel.Outcome.ACCEPTED;
                        }
                    });
            model.setOnFailed((key, error) -> failed.set(error));
            PassphraseView view = new PassphraseView(model, SV, SV.get("passphrase.quit"), () -> {});
            stage.getScene().setRoot(view);
            view.focusFirst();
        });
        Ui.waitFor(() -> showing(robot, "#passphraseField"));
        // The caret is in the field from the start: the coach just types.
        Ui.waitFor(() -> robot.lookup("#passphraseField").query().isFocused());
        // A click first: the window itself may not have the keyboard yet after the test before.
        robot.clickOn("#passphraseField").write("kort");
        assertEquals(SV.get("passphrase.strength.tooShort", 10), Ui.text(robot, "#passphraseStrength"));
        robot.write(" men nu längre");
        assertEquals(SV.get("passphrase.strength.strong"), Ui.text(robot, "#passphraseStrength"));
        robot.push(KeyCode.TAB).write("kort men nu längr");
        robot.push(KeyCode.ENTER);
        Ui.waitFor(() -> SV.get("passphrase.problem.mismatch").equals(Ui.text(robot, "#passphraseMessage")));
        Screenshots.save(stage.getScene(), "passphrase-create-mismatch");
        assertFalse(Files.exists(file), "nothing is created before the passphrase is chosen");

        robot.clickOn("#passphraseRepeat").push(KeyCode.END).write("e");
        String first =
                robot.lookup("#passphraseField").queryAs(PasswordField.class).getText();
        String repeat =
                robot.lookup("#passphraseRepeat").queryAs(PasswordField.class).getText();
        assertEquals(first, repeat, "both fields hold what was typed");
        robot.push(KeyCode.ENTER);
        Ui.waitFor(() -> opened.get() != null || failed.get() != null);
        if (failed.get() != null) {
            throw new AssertionError("the database did not open", failed.get());
        }
        assertEquals(Database.FileState.ENCRYPTED, Database.stateOf(file));
        context = opened.get();
    }

    @Test
    void ctrlLLocksTheWindowAndOnlyTheRightPassphraseBringsItBack(FxRobot robot) throws Exception {
        context = AppContext.open(dir.resolve("lock-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        context.demo().populate(7, 20, me);
        AtomicReference<Lock> lock = new AtomicReference<>();
        Platform.runLater(() -> {
            context.forbidStoreOn(Thread.currentThread());
            MainWindow window = new MainWindow(stage, context.ui(), SV, me, () -> {});
            Lock l = new Lock(
                    stage, SV, context.ui().tasks(), context.security()::unlocks, Duration.ofMinutes(10), window::quit);
            window.setProgramActions(new MainWindow.ProgramActions(l::lock, () -> {}, () -> {}));
            stage.getScene().setRoot(window);
            l.watch();
            lock.set(l);
        });
        Ui.waitFor(() -> showing(robot, "#caseloadTable") && Ui.rows(robot, "#caseloadTable") > 0);

        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        Ui.waitFor(() -> showing(robot, "#passphraseField"));
        Ui.waitFor(() -> robot.lookup("#passphraseField").query().isFocused());
        assertTrue(robot.lookup("#caseloadTable").tryQuery().isEmpty(), "nothing of the caseload is in the window");
        assertTrue(
                robot.lookup(".label").queryAllAs(Label.class).stream()
                        .noneMatch(l -> l.getText() != null && l.getText().contains("Linnea")),
                "not even the coach's name");
        Screenshots.save(stage.getScene(), "locked");

        robot.clickOn("#passphraseField").write("fel lösenfras").push(KeyCode.ENTER);
        Ui.waitFor(() -> Ui.text(robot, "#passphraseMessage").equals(SV.get("passphrase.wrong", 1L)));
        assertTrue(lock.get().isLocked());
        // The wait after a wrong try ends by itself (1 second), then the right passphrase unlocks.
        Ui.waitFor(() -> Ui.text(robot, "#passphraseMessage").equals(SV.get("passphrase.wrong.again")));
        robot.clickOn("#passphraseField").write(TestPassphrase.TEXT).push(KeyCode.ENTER);
        Ui.waitFor(() -> showing(robot, "#caseloadTable"));
        assertFalse(lock.get().isLocked());
        assertTrue(Ui.rows(robot, "#caseloadTable") > 0, "the caseload is back as it was");
        Platform.runLater(() -> lock.get().stop());
    }

    @Test
    void aWrongPassphraseNeverOpensTheDatabase() {
        Path file = dir.resolve("guard-" + System.nanoTime() + ".db");
        AppContext.open(file, CLOCK, TestPassphrase.get()).close();
        Assertions.assertThrows(
                WrongPassphraseException.class,
                () -> AppContext.open(file, CLOCK, Passphrase.of("inte rätt lösenfras")));
    }
}

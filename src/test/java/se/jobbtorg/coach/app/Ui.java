package se.jobbtorg.coach.app;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/** What the window tests share: the main window on a real database, and waiting on what a person sees. */
final class Ui {
    private Ui() {}

    /** The main window as the program shows it, on the given context, in the given stage. */
    static void showMain(Stage stage, AppContext context, I18n i18n, Coach me) {
        showMain(stage, context, new MainWindow(stage, context.ui(), i18n, me, () -> {}));
    }

    /**
     * Shows the window; from here on the context's database refuses the FX thread, as in the
     * program, so every window test finds a query that would freeze the window. Call on the FX
     * thread (a {@code @Start} method).
     */
    static void showMain(Stage stage, AppContext context, MainWindow window) {
        context.forbidStoreOn(Thread.currentThread());
        Scene scene = new Scene(window, 1180, 760);
        scene.getStylesheets().add(CoachApplication.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * Amina Yilmaz registered and enrolled by the coach on the given day, through the services:
     * for the tests of what comes after the dialogs that do it.
     */
    static Enrolment enrolled(AppContext context, Coach coach, LocalDate on) {
        Participant amina = context.caseload()
                .register(new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1990, 9, 17), 388, false)
                                .display(),
                        "Amina",
                        "Yilmaz",
                        null,
                        null,
                        null));
        return context.caseload().enrol(TestDrafts.enrolment(amina.id(), coach.id(), on));
    }

    /**
     * Waits for what a person would wait for. When it never comes, the failure says what the
     * windows showed instead (titles, focus, every visible problem text), so a failure on a
     * machine nobody can look at still says why.
     */
    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, condition);
        } catch (TimeoutException e) {
            TimeoutException described = new TimeoutException(e.getMessage() + "; the screen showed: " + screen());
            described.initCause(e);
            throw described;
        }
    }

    /** The showing windows, their focused nodes and every visible message, read on the FX thread. */
    static String screen() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                        StringBuilder out = new StringBuilder();
                        for (Window window : Window.getWindows()) {
                            if (!window.isShowing() || window.getScene() == null) {
                                continue;
                            }
                            Scene scene = window.getScene();
                            out.append("\n  window ")
                                    .append(
                                            window instanceof Stage s
                                                    ? '"' + s.getTitle() + '"'
                                                    : window.getClass().getSimpleName())
                                    .append(" focus=")
                                    .append(describe(scene.getFocusOwner()));
                            for (Node node : scene.getRoot().lookupAll(".label")) {
                                if (node instanceof Labeled label
                                        && node.isVisible()
                                        && label.getText() != null
                                        && !label.getText().isBlank()
                                        && (node.getStyleClass().contains("field-problem")
                                                || node.getStyleClass().contains("form-error")
                                                || node.getStyleClass().contains("header-panel")
                                                || node.getParent() != null
                                                        && node.getParent()
                                                                .getStyleClass()
                                                                .contains("header-panel"))) {
                                    out.append("\n    ")
                                            .append(describe(node))
                                            .append(": ")
                                            .append(label.getText());
                                }
                            }
                        }
                        return out.toString();
                    })
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "(could not be read: " + e + ")";
        }
    }

    private static String describe(Node node) {
        if (node == null) {
            return "none";
        }
        String name = node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
        return node instanceof TextInputControl field ? name + "[" + field.getText() + "]" : name;
    }

    /**
     * Shown on screen in a showing window, so that a click lands on it. Read on the FX thread: a
     * lookup from the test's thread races with a window closing (its nodes lose their scene
     * halfway through the check).
     */
    static boolean showing(FxRobot robot, String query) {
        return onFx(() ->
                robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
    }

    /** The node found by the query has the keyboard focus in its window, read on the FX thread. */
    static boolean focused(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(Node::isFocused).orElse(false));
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    /** The rows of a table, read on the FX thread; none while the table is not there yet. */
    static int rows(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id)
                .tryQueryAs(TableView.class)
                .map(t -> t.getItems().size())
                .orElse(0));
    }

    private static <T> T onFx(Callable<T> read) {
        if (Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Opens a combo box and clicks the item with this text in its popup. */
    static void choose(FxRobot robot, String comboId, String item) throws TimeoutException {
        robot.clickOn(comboId);
        waitFor(() -> robot.lookup(".list-cell")
                .match(NodeQueryUtils.hasText(item))
                .match(NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
        // Typed by queryAs, not by a cast: clickOn has overloads a bare query() cannot choose from.
        robot.clickOn(robot.lookup(".list-cell")
                .match(NodeQueryUtils.hasText(item))
                .match(NodeQueryUtils.isVisible())
                .queryAs(Node.class));
    }

    /** A picture of the window holding this node, in target/screenshots/. */
    static void shot(FxRobot robot, String id, String name) {
        Screenshots.save(robot.lookup(id).query().getScene(), name);
    }
}

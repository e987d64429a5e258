package se.jobbtorg.coach.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.domain.Coach;
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

    static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, condition);
    }

    /** Shown on screen in a showing window, so that a click lands on it. */
    static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent();
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    static int rows(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class).getItems().size();
    }

    /** Opens a combo box and clicks the item with this text in its popup. */
    static void choose(FxRobot robot, String comboId, String item) throws TimeoutException {
        robot.clickOn(comboId);
        waitFor(() -> robot.lookup(".list-cell")
                .match(NodeQueryUtils.hasText(item))
                .match(NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
        robot.clickOn((Node) robot.lookup(".list-cell")
                .match(NodeQueryUtils.hasText(item))
                .match(NodeQueryUtils.isVisible())
                .query());
    }

    /** A picture of the window holding this node, in target/screenshots/. */
    static void shot(FxRobot robot, String id, String name) {
        Screenshots.save(robot.lookup(id).query().getScene(), name);
    }
}

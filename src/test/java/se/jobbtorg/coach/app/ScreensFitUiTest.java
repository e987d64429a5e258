package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.caseload.CaseloadRow;
import se.jobbtorg.coach.ui.settings.SettingsDialog;
import se.jobbtorg.coach.ui.settings.SettingsViewModel;
import se.jobbtorg.coach.ui.workflow.WorkTab;
import se.jobbtorg.coach.ui.workflow.WorkView;

/**
 * Every main screen at 1024×700, in Swedish and in English: each control shown lies inside the
 * window (or inside a scroll pane, reachable by scrolling), and no two fields of a form overlap.
 * Pictures of each screen go to target/screenshots/fit-*.png for a person to look at.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScreensFitUiTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final double WIDTH = 1024;
    private static final double HEIGHT = 700;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @TempDir
    static Path dir;

    private AppContext context;
    private Stage stage;
    private Coach me;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.open(dir.resolve("fit-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        context.demo().populate(7, 30, me);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sv-SE", "en"})
    void everyScreenFitsAt1024By700(String language, FxRobot robot) throws Exception {
        I18n i18n = new I18n(Locale.forLanguageTag(language));
        String tag = language.substring(0, 2);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(stage, context.ui(), i18n, me, () -> {});
            context.forbidStoreOn(Thread.currentThread());
            Scene scene = new Scene(window[0], WIDTH, HEIGHT);
            scene.getStylesheets().add(CoachApplication.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        List<String> problems = new ArrayList<>();

        robot.clickOn("#navToday");
        Ui.waitFor(() -> Ui.showing(robot, "#todayTable"));
        check(robot, "today-" + tag, problems);

        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") > 0);
        check(robot, "caseload-" + tag, problems);

        // The participant with the most work: the first enrolled one.
        @SuppressWarnings("unchecked")
        TableView<CaseloadRow> table = robot.lookup("#caseloadTable").queryAs(TableView.class);
        UUID someone = table.getItems().stream()
                .filter(r -> r.enrolledOn() != null)
                .findFirst()
                .orElseThrow()
                .participantId();
        robot.interact(() -> window[0].open(someone));
        Ui.waitFor(() -> Ui.showing(robot, "#workTabs") && Ui.rows(robot, "#mappingAreas") > 0);
        for (WorkTab step : WorkTab.values()) {
            robot.interact(
                    () -> robot.lookup("#workTabs").queryAs(WorkView.class).show(step));
            robot.interact(() -> {});
            check(robot, "participant-" + step.name().toLowerCase(Locale.ROOT) + "-" + tag, problems);
        }

        robot.clickOn("#navSummary");
        Ui.waitFor(() -> Ui.showing(robot, "#summaryChart"));
        check(robot, "summary-" + tag, problems);

        robot.clickOn("#navSync");
        robot.interact(() -> {});
        check(robot, "sync-" + tag, problems);

        Platform.runLater(() -> new SettingsDialog(
                        stage, new SettingsViewModel(i18n, me.name(), me.unit(), i18n.locale(), false), i18n)
                .showAndWait());
        Ui.waitFor(() -> Ui.showing(robot, "#settingsOk"));
        Scene settings = robot.lookup("#settingsOk").query().getScene();
        problems.addAll(outside(settings.getRoot(), settings.getWidth(), settings.getHeight()));
        problems.addAll(overlaps(settings.getRoot()));
        Screenshots.save(settings, "fit-settings-" + tag);
        robot.interact(() -> ((Stage) settings.getWindow()).close());

        assertEquals(List.of(), problems, "cut off or overlapping at 1024×700 in " + language);
    }

    private void check(FxRobot robot, String name, List<String> problems) {
        robot.interact(() -> {});
        Scene scene = stage.getScene();
        Screenshots.save(scene, "fit-" + name);
        robot.interact(() -> {
            for (String p : outside(scene.getRoot(), scene.getWidth(), scene.getHeight())) {
                problems.add(name + ": " + p);
            }
            for (String p : overlaps(scene.getRoot())) {
                problems.add(name + ": " + p);
            }
            for (String p : cutDates(scene.getRoot())) {
                problems.add(name + ": " + p);
            }
        });
    }

    /** A table cell showing a date cut short ("2026-11-…"): its column is narrower than a date. */
    static List<String> cutDates(Parent root) {
        List<String> found = new ArrayList<>();
        for (Node node : all(root)) {
            if (node instanceof TableCell<?, ?> cell
                    && shown(cell)
                    && cell.getText() != null
                    && DATE.matcher(cell.getText()).find()) {
                for (Node child : cell.getChildrenUnmodifiable()) {
                    if (child instanceof Text drawn && !drawn.getText().equals(cell.getText())) {
                        found.add("\"" + cell.getText() + "\" drawn as \"" + drawn.getText() + "\"");
                    }
                }
            }
        }
        return found;
    }

    /** Controls shown but not inside the window, nor inside a scroll pane that would reach them. */
    static List<String> outside(Parent root, double width, double height) {
        List<String> found = new ArrayList<>();
        for (Node node : shownControls(root)) {
            Bounds b = node.localToScene(node.getBoundsInLocal());
            ScrollPane scroll = nearest(node, ScrollPane.class);
            boolean in;
            if (scroll != null && scroll.getContent() != null) {
                // Reachable by scrolling: inside what the scroll pane scrolls over.
                Bounds c = scroll.getContent().localToScene(scroll.getContent().getBoundsInLocal());
                in = b.getMinX() >= c.getMinX() - 1
                        && b.getMaxX() <= c.getMaxX() + 1
                        && b.getMinY() >= c.getMinY() - 1
                        && b.getMaxY() <= c.getMaxY() + 1;
            } else {
                in = b.getMinX() >= -1 && b.getMinY() >= -1 && b.getMaxX() <= width + 1 && b.getMaxY() <= height + 1;
            }
            // Inside a tab pane too: what it clips is cut off as surely as the window's edge.
            for (Parent p = node.getParent(); p != null && p != scroll && in; p = p.getParent()) {
                if (p instanceof TabPane tabs) {
                    Bounds t = tabs.localToScene(tabs.getBoundsInLocal());
                    in = b.getMinX() >= t.getMinX() - 1
                            && b.getMaxX() <= t.getMaxX() + 1
                            && b.getMinY() >= t.getMinY() - 1
                            && b.getMaxY() <= t.getMaxY() + 1;
                }
            }
            if (!in) {
                found.add(describe(node) + " at " + round(b));
            }
        }
        return found;
    }

    /** Two fields, labels or boxes of one form grid that cover each other. */
    static List<String> overlaps(Parent root) {
        List<String> found = new ArrayList<>();
        for (Node node : all(root)) {
            if (node instanceof GridPane grid && shown(grid)) {
                List<Node> cells = grid.getChildren().stream()
                        .filter(ScreensFitUiTest::shown)
                        .filter(Node::isManaged)
                        .filter(n -> n.getBoundsInParent().getWidth() > 0
                                && n.getBoundsInParent().getHeight() > 0)
                        .toList();
                for (int i = 0; i < cells.size(); i++) {
                    for (int j = i + 1; j < cells.size(); j++) {
                        Bounds a = inset(cells.get(i).getBoundsInParent());
                        Bounds c = inset(cells.get(j).getBoundsInParent());
                        if (a.intersects(c)) {
                            found.add(describe(cells.get(i)) + " overlaps " + describe(cells.get(j)));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Bounds inset(Bounds b) {
        return new BoundingBox(b.getMinX() + 1, b.getMinY() + 1, b.getWidth() - 2, b.getHeight() - 2);
    }

    private static List<Node> shownControls(Parent root) {
        return all(root).stream()
                .filter(n -> n instanceof Control)
                .filter(n -> !(n instanceof ScrollBar))
                .filter(ScreensFitUiTest::shown)
                // A table's or a list's cells scroll inside it: the table itself is checked.
                .filter(n -> !within(n, TableView.class) && !within(n, ListView.class))
                .filter(n -> n.getBoundsInLocal().getWidth() > 0)
                .toList();
    }

    private static List<Node> all(Parent root) {
        List<Node> out = new ArrayList<>();
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            out.add(n);
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static <T> T nearest(Node node, Class<T> kind) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (kind.isInstance(p)) {
                return kind.cast(p);
            }
        }
        return null;
    }

    private static boolean within(Node node, Class<?> kind) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (kind.isInstance(p)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }

    private static String round(Bounds b) {
        return String.format(
                Locale.ROOT, "[%.0f,%.0f – %.0f,%.0f]", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }
}

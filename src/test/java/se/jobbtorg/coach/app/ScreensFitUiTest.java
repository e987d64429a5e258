package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.CoachContact;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.service.WorkflowService.EnrolmentWork;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.settings.SettingsDialog;
import se.jobbtorg.coach.ui.settings.SettingsViewModel;
import se.jobbtorg.coach.ui.workflow.WorkTab;
import se.jobbtorg.coach.ui.workflow.WorkView;

/**
 * Every main screen at 1024×700 and at the first start's 1180×720, in Swedish and in English:
 * each control shown lies inside the window and inside what its parents clip to, or can be
 * scrolled to (a scroll bar shows on that axis), and no two fields of a form overlap.
 * Pictures of each screen go to target/screenshots/fit-*.png for a person to look at.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScreensFitUiTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @TempDir
    static Path dir;

    private AppContext context;
    private Stage stage;
    private Coach me;
    private Role role;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.open(dir.resolve("fit-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        context.demo().populate(7, 30, me);
        // A team lead sees every screen, the summary too (the role changed with the passphrase).
        context.security().changeRole(TestPassphrase.get(), Role.TEAM_LEAD);
        role = context.coaches().role();
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** The smallest window the program promises to fit, and the size it opens at on a first start. */
    @ParameterizedTest(name = "{0} at {1}×{2}")
    @CsvSource({"sv-SE, 1024, 700", "en, 1024, 700", "sv-SE, 1180, 720", "en, 1180, 720"})
    void everyScreenFits(String language, double width, double height, FxRobot robot) throws Exception {
        I18n i18n = new I18n(Locale.forLanguageTag(language));
        String tag = language.substring(0, 2) + "-" + (int) width;
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(stage, context.ui(), i18n, me, role, () -> {});
            context.forbidStoreOn(Thread.currentThread());
            Scene scene = new Scene(window[0], width, height);
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

        // The participant with the most work: the open enrolment with the most plan versions and
        // meetings, with a meeting added whose kind, outcome and notes are as long as they get.
        EnrolmentWork busiest = context.workflow().workOfCoach(me.id()).stream()
                .max(Comparator.comparingInt((EnrolmentWork w) -> w.plans().size())
                        .thenComparingInt(w -> w.meetings().size()))
                .orElseThrow();
        assertTrue(busiest.plans().size() >= 2, "the demo has a plan with versions");
        longMeetings(busiest);
        // A new version drawn up: "Version 4 – utkast 2026-11-24" is longer than an approved one's.
        context.workflow().draft(busiest.enrolment().id(), false);
        robot.interact(() -> window[0].open(busiest.enrolment().participantId()));
        Ui.waitFor(() -> Ui.showing(robot, "#workTabs") && Ui.rows(robot, "#mappingAreas") > 0);
        for (WorkTab step : WorkTab.values()) {
            robot.interact(() -> ((WorkView) shownPage(robot).lookup("#workTabs")).show(step));
            robot.interact(() -> {});
            if (step == WorkTab.PLAN) {
                Ui.waitFor(() -> onFx(() -> ((ComboBox<?>) shownPage(robot).lookup("#planVersions"))
                                .getItems()
                                .size()
                        >= 2));
            }
            if (step == WorkTab.MEETINGS) {
                Ui.waitFor(
                        () -> Ui.rows(robot, "#meetings") >= busiest.meetings().size() + 2);
                // The meeting with the longest words in view and chosen: its follow-ups show below.
                robot.interact(() -> {
                    @SuppressWarnings("unchecked")
                    TableView<Meeting> meetings =
                            (TableView<Meeting>) shownPage(robot).lookup("#meetings");
                    Meeting longest = meetings.getItems().stream()
                            .filter(m -> m.outcome() == MeetingOutcome.NOT_REACHED)
                            .findFirst()
                            .orElseThrow();
                    meetings.scrollTo(Math.max(0, meetings.getItems().indexOf(longest) - 2));
                    meetings.getSelectionModel().select(longest);
                });
            }
            checkPage(robot, "participant-" + step.name().toLowerCase(Locale.ROOT) + "-" + tag, problems);
        }

        // People whose enrolment ended: the reason beside the date, and the exit tab; one of them
        // with the exit undone (struck through, with why).
        List<Enrolment> ended = context.caseload().caseload(null, "").stream()
                .map(CaseloadEntry::latestEnrolment)
                .filter(e -> e != null && !e.isOpen())
                .limit(2)
                .toList();
        assertEquals(2, ended.size(), "the demo has people whose enrolment ended");
        context.workflow()
                .undoExit(
                        ended.get(1).id(),
                        "Avslutet skrevs på fel person; rätt person är fortfarande inskriven och går kvar",
                        me.id());
        for (int i = 0; i < ended.size(); i++) {
            Enrolment e = ended.get(i);
            robot.interact(() -> window[0].open(e.participantId()));
            Ui.waitFor(() -> onFx(() -> shownPage(robot) != null
                    && shownPage(robot).lookup("#workTabs") != null
                    && shownPage(robot).lookup("#workTabs").isVisible()));
            robot.interact(() -> ((WorkView) shownPage(robot).lookup("#workTabs")).show(WorkTab.EXIT));
            robot.interact(() -> {});
            checkPage(robot, "participant-" + (i == 0 ? "ended" : "undone") + "-" + tag, problems);
        }

        robot.clickOn("#navSummary");
        Ui.waitFor(() -> Ui.showing(robot, "#summaryChart"));
        Ui.waitFor(() -> Ui.rows(robot, "#summaryTable") > 0);
        // A window made smaller after the screen was shown (the coach resizes it) must fit too.
        robot.interact(() -> {
            stage.setWidth(width + 300);
            stage.setHeight(height + 100);
        });
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.interact(() -> {});
        check(robot, "summary-" + tag, problems);
        robot.interact(() -> {
            Parent summary = robot.lookup("#summaryTable").queryAs(Parent.class);
            for (String p : columnsCut(robot.lookup("#summaryTable").queryAs(TableView.class), false)) {
                problems.add("summary-" + tag + ": " + p);
            }
            for (String p : cutTexts(summary)) {
                problems.add("summary-" + tag + ": " + p);
            }
            for (String p : wrongDecimals(summary, i18n.locale())) {
                problems.add("summary-" + tag + ": " + p);
            }
        });

        robot.clickOn("#navSync");
        robot.interact(() -> {});
        // An export that cannot be made yet says why at length: the sentence wraps, not "…".
        robot.interact(
                () -> robot.lookup("#syncFolder").queryAs(TextField.class).setText(dir.toString()));
        robot.clickOn("#syncExport");
        Ui.waitFor(() -> !Ui.text(robot, "#syncStatus").isEmpty());
        robot.interact(() -> {});
        check(robot, "sync-" + tag, problems);
        robot.interact(() -> {
            for (String p : cutTexts(robot.lookup("#syncStatus").queryAs(Parent.class))) {
                problems.add("sync-" + tag + ": " + p);
            }
        });

        CoachContact contact = context.coaches().contact();
        Platform.runLater(() -> new SettingsDialog(
                        stage,
                        new SettingsViewModel(i18n, me.name(), me.unit(), i18n.locale(), false)
                                .withUnits(context.coaches().units().names())
                                .withContact(contact)
                                .withRole(role, context.ui().tasks(), context.security()::changeRole),
                        i18n)
                .showAndWait());
        Ui.waitFor(() -> Ui.showing(robot, "#settingsOk"));
        Scene settings = robot.lookup("#settingsOk").query().getScene();
        // On the FX thread, as check() does: the dialog is still being laid out, and a grid's
        // children read from the test's thread meanwhile failed once (IndexOutOfBounds in CI).
        robot.interact(() -> {
            problems.addAll(outside(settings.getRoot(), settings.getWidth(), settings.getHeight()));
            problems.addAll(overlaps(settings.getRoot()));
        });
        Screenshots.save(settings, "fit-settings-" + tag);
        robot.interact(() -> ((Stage) settings.getWindow()).close());

        assertEquals(List.of(), problems, "cut off or overlapping at " + width + "×" + height + " in " + language);
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
            for (String p : emptyBars(scene.getRoot())) {
                problems.add(name + ": " + p);
            }
        });
    }

    /**
     * The participant page shown, and the work tab shown in it: every heading, cell and choice
     * whole ("Besök på k…", "Version 3 – godkänd 2026-07-31 …"), long text wrapped in its cell.
     */
    private void checkPage(FxRobot robot, String name, List<String> problems) {
        check(robot, name, problems);
        robot.interact(() -> {
            Parent page = shownPage(robot);
            for (String p : cutTexts(page)) {
                problems.add(name + ": " + p);
            }
            for (Node node : all(page)) {
                if (node instanceof TableView<?> table && shown(table)) {
                    for (String p : columnsCut(table, true)) {
                        problems.add(name + ": " + p);
                    }
                }
                // A work tab as wide as the window: a row of buttons wraps rather than scroll.
                if (node instanceof ScrollPane scroll && shown(scroll) && barShown(scroll, Orientation.HORIZONTAL)) {
                    problems.add(name + ": " + describe(scroll) + " scrolls sideways");
                }
            }
        });
    }

    private static boolean onFx(Callable<Boolean> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** The participant page in the tab shown (other participants' pages stay open in theirs). */
    private static Parent shownPage(FxRobot robot) {
        return robot.lookup(".participant-view").queryAll().stream()
                .filter(ScreensFitUiTest::shown)
                .map(Parent.class::cast)
                .findFirst()
                .orElse(null);
    }

    /**
     * Meetings whose kind and outcome have the longest names, one not attended and reported, with
     * notes and follow-ups as long as a coach writes them.
     */
    private void longMeetings(EnrolmentWork work) {
        LocalDate today = LocalDate.now(CLOCK);
        Map<UUID, String> followUps = new HashMap<>();
        for (var a : work.activitiesInForce()) {
            followUps.put(a.id(), "Har varit på plats varje dag och trivs, men behöver stöd med resorna dit");
        }
        context.workflow()
                .recordMeeting(
                        new MeetingDraft(
                                work.enrolment().id(),
                                null,
                                today.atTime(8, 15),
                                MeetingKind.MESSAGE,
                                null,
                                MeetingOutcome.NOT_REACHED,
                                null,
                                false,
                                "Skickade sms och mejl om tiden på torsdag; inget svar, ringer igen i morgon",
                                "Ringa socialsekreteraren om inget svar kommer före fredag",
                                null,
                                null),
                        followUps);
        context.workflow()
                .recordMeeting(new MeetingDraft(
                        work.enrolment().id(),
                        null,
                        today.minusDays(1).atTime(13, 45),
                        MeetingKind.HOME_VISIT,
                        null,
                        MeetingOutcome.NOT_ATTENDED,
                        null,
                        true,
                        null,
                        null,
                        null,
                        today));
    }

    /**
     * A progress bar that does not draw its progress ("8 of 8 areas done" over an empty bar):
     * squeezed below its own height, or its bar shorter than the progress it holds.
     */
    static List<String> emptyBars(Parent root) {
        List<String> found = new ArrayList<>();
        for (Node node : all(root)) {
            if (node instanceof ProgressBar bar && shown(bar) && !bar.isIndeterminate() && bar.getProgress() > 0) {
                Region drawn = (Region) bar.lookup(".bar");
                double track = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset();
                if (bar.getHeight() < bar.prefHeight(-1) - 1) {
                    found.add(describe(bar) + " squeezed to " + bar.getHeight() + " px high");
                } else if (drawn == null || drawn.getWidth() < track * bar.getProgress() - 2) {
                    found.add(describe(bar) + " at " + bar.getProgress() + " draws "
                            + (drawn == null ? 0 : drawn.getWidth()) + " of " + track + " px");
                }
            }
        }
        return found;
    }

    /**
     * Headings and cells drawn shorter than their text ("Inskrivna under p…", "Numera…"): a
     * person cannot read what the figure is.
     */
    static List<String> cutTexts(Parent root) {
        List<String> found = new ArrayList<>();
        for (Node node : all(root)) {
            if (node instanceof Labeled labeled
                    && shown(labeled)
                    && labeled.getText() != null
                    && !labeled.getText().isEmpty()) {
                // "_Spara" is drawn "Spara", its letter underlined when Alt is held.
                String whole =
                        labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_(.)", "$1") : labeled.getText();
                for (Node child : labeled.getChildrenUnmodifiable()) {
                    if (child instanceof Text drawn && !drawn.getText().equals(whole)) {
                        found.add("\"" + whole + "\" drawn as \"" + drawn.getText() + "\"");
                    }
                }
            }
            // Text shown as a cell's graphic (wrapped over lines) must fit inside its cell.
            if (node instanceof TableCell<?, ?> cell && shown(cell) && cell.getGraphic() instanceof Text drawn) {
                Bounds text = drawn.getBoundsInParent();
                if (text.getMaxY() > cell.getHeight() + 1 || text.getMaxX() > cell.getWidth() + 1) {
                    found.add("\"" + drawn.getText() + "\" larger than its cell " + round(text));
                }
                // A word wider than the lines it wraps onto is broken in two ("arbetstränin|g"); a
                // line may end after a hyphen or a slash.
                for (String word : drawn.getText().split("\\s+|(?<=[-/])")) {
                    Text measured = new Text(word);
                    measured.setFont(drawn.getFont());
                    if (drawn.getWrappingWidth() > 0
                            && measured.getLayoutBounds().getWidth() > drawn.getWrappingWidth() + 0.5) {
                        found.add("\"" + word + "\" broken over two lines in \"" + drawn.getText() + "\"");
                    }
                }
            }
        }
        return found;
    }

    /**
     * Columns wider together than the table: cut off, or (sideways false) reached only by
     * scrolling sideways, where a table must show every column (the summary's figures).
     */
    static List<String> columnsCut(TableView<?> table, boolean sideways) {
        double columns = table.getVisibleLeafColumns().stream()
                .mapToDouble(c -> c.getWidth())
                .sum();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar s && s.getOrientation() == Orientation.VERTICAL && s.isVisible()) {
                room -= s.getWidth();
            }
            if (sideways
                    && bar instanceof ScrollBar s
                    && s.getOrientation() == Orientation.HORIZONTAL
                    && s.isVisible()) {
                return List.of();
            }
        }
        return columns > room + 1
                ? List.of(describe(table) + "'s columns " + Math.round(columns) + " px in " + Math.round(room) + " px"
                        + (sideways ? ", no horizontal scroll bar" : ""))
                : List.of();
    }

    /** A decimal comma in English ("8,7") or a decimal point in Swedish ("8.7") in a table's cells. */
    static List<String> wrongDecimals(Parent root, Locale locale) {
        Pattern wrong = Pattern.compile("en".equals(locale.getLanguage()) ? "^\\d+,\\d$" : "^\\d+\\.\\d$");
        List<String> found = new ArrayList<>();
        for (Node node : all(root)) {
            if (node instanceof TableCell<?, ?> cell
                    && shown(cell)
                    && cell.getText() != null
                    && wrong.matcher(cell.getText()).find()) {
                found.add("\"" + cell.getText() + "\" in " + locale);
            }
        }
        return found;
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

    /**
     * Controls shown but cut off: beyond the window's edge, or beyond what a parent clips to
     * (a tab's content, a scroll pane's viewport). Beyond a scroll pane's viewport is fine only
     * where a person can scroll to it: the pane shows a scroll bar on that axis and the control
     * lies inside what it scrolls over.
     */
    static List<String> outside(Parent root, double width, double height) {
        List<String> found = new ArrayList<>();
        Bounds window = new BoundingBox(0, 0, width, height);
        for (Node node : shownControls(root)) {
            Bounds b = node.localToScene(node.getBoundsInLocal());
            String cut = null;
            for (Parent p = node.getParent(); p != null && cut == null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll && scroll.getContent() != null) {
                    // Past here, the scroll pane itself is checked as a control of its own.
                    cut = unreachable(b, scroll);
                    break;
                } else if (p.getClip() != null && !isViewport(p)) {
                    Bounds clip = p.localToScene(p.getClip().getBoundsInParent());
                    if (beyond(b, clip, true) || beyond(b, clip, false)) {
                        cut = "clipped by " + describe(p) + " " + round(clip);
                    }
                }
            }
            if (cut == null
                    && nearest(node, ScrollPane.class) == null
                    && (beyond(b, window, true) || beyond(b, window, false))) {
                cut = "beyond the window";
            }
            if (cut != null) {
                found.add(describe(node) + " at " + round(b) + ": " + cut);
            }
        }
        return found;
    }

    /** Why a control beyond this scroll pane's viewport cannot be scrolled to; null if it can. */
    private static String unreachable(Bounds b, ScrollPane scroll) {
        Node viewport = scroll.lookup(".viewport");
        Bounds seen = viewport.localToScene(viewport.getLayoutBounds());
        Bounds content = scroll.getContent().localToScene(scroll.getContent().getLayoutBounds());
        for (boolean vertical : new boolean[] {true, false}) {
            if (!beyond(b, seen, vertical)) {
                continue;
            }
            if (!barShown(scroll, vertical ? Orientation.VERTICAL : Orientation.HORIZONTAL)) {
                return "beyond " + describe(scroll) + "'s viewport " + round(seen) + " with no "
                        + (vertical ? "vertical" : "horizontal") + " scroll bar";
            }
            if (beyond(b, content, vertical)) {
                return "beyond what " + describe(scroll) + " scrolls over " + round(content);
            }
        }
        return null;
    }

    private static boolean isViewport(Node node) {
        return node.getStyleClass().contains("viewport");
    }

    private static boolean barShown(ScrollPane scroll, Orientation orientation) {
        return scroll.lookupAll(".scroll-bar").stream()
                .filter(ScrollBar.class::isInstance)
                .map(ScrollBar.class::cast)
                .filter(bar -> bar.getOrientation() == orientation && nearest(bar, ScrollPane.class) == scroll)
                .anyMatch(bar -> bar.isVisible() && bar.getHeight() > 0 && bar.getWidth() > 0);
    }

    private static boolean beyond(Bounds b, Bounds area, boolean vertical) {
        return vertical
                ? b.getMinY() < area.getMinY() - 1 || b.getMaxY() > area.getMaxY() + 1
                : b.getMinX() < area.getMinX() - 1 || b.getMaxX() > area.getMaxX() + 1;
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

package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
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
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.caseload.CaseloadRow;
import se.jobbtorg.coach.ui.caseload.CaseloadViewModel;

/**
 * The caseload list as a coach reads it (issue 14): the next deadline in red and in words when it
 * has passed, the next meeting and the last contact; sorted by them with the empty cells last
 * either way; a person exited and not yet checked still in "Mina"; a search that finds nobody
 * says what else to try, and its button searches everyone.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CaseloadListUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path dir;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.open(dir.resolve("list-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        Coach colleague = context.coaches().addCoach("Karim Haddad", "Jobbtorg Kista");
        var workflow = context.workflow();
        Enrolment amina = Ui.enrolled(context, me, TODAY.minusDays(20));
        workflow.recordMeeting(TestDrafts.meeting(
                amina.id(), TODAY.minusDays(10).atTime(10, 0), MeetingKind.DESK, MeetingOutcome.ATTENDED));
        workflow.recordMeeting(TestDrafts.meeting(
                amina.id(), TODAY.plusDays(2).atTime(9, 15), MeetingKind.PHONE, MeetingOutcome.PLANNED));
        enrol(me, "Omar", "Farah", LocalDate.of(1979, 7, 1), 42, TODAY);
        Enrolment eva = enrol(me, "Eva", "Lind", LocalDate.of(1979, 12, 5), 336, TODAY.minusDays(300));
        workflow.exit(new ExitDraft(eva.id(), TODAY.minusDays(10), ExitReason.STUDIES, null));
        enrol(colleague, "Hodan", "Warsame", LocalDate.of(1985, 5, 12), 224, TODAY.minusDays(40));
        Ui.showMain(stage, context, SV, me);
    }

    private Enrolment enrol(Coach coach, String first, String last, LocalDate born, int serial, LocalDate on) {
        var p = context.caseload()
                .register(new ParticipantDraft(
                        PersonalIdentityNumber.of(born, serial, false).display(), first, last, null, null, null));
        return context.caseload().enrol(TestDrafts.enrolment(p.id(), coach.id(), on));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @SuppressWarnings("unchecked")
    private static List<CaseloadRow> shown(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new ArrayList<CaseloadRow>(
                        robot.lookup("#caseloadTable").queryAs(TableView.class).getItems()))
                .get();
    }

    private static List<String> names(FxRobot robot) throws Exception {
        return shown(robot).stream().map(CaseloadRow::name).toList();
    }

    /** The heading of a column of the list, to click as a person does. */
    private static Node header(FxRobot robot, String columnId) {
        return robot.lookup("#caseloadTable .column-header")
                .match(n -> n instanceof TableColumnHeader h
                        && h.getTableColumn() != null
                        && columnId.equals(h.getTableColumn().getId()))
                .query();
    }

    /** Waits for the list to show these people in this order; says what it showed if it never does. */
    private static void waitNames(FxRobot robot, List<String> expected) throws Exception {
        try {
            Ui.waitFor(() -> names(robot).equals(expected));
        } catch (java.util.concurrent.TimeoutException e) {
            Ui.shot(robot, "#caseloadTable", "caseload-sort-failed");
            String order = WaitForAsyncUtils.asyncFx(() ->
                            robot.lookup("#caseloadTable").queryAs(TableView.class).getSortOrder().stream()
                                    .map(c -> ((TableColumn<?, ?>) c).getId() + " "
                                            + ((TableColumn<?, ?>) c).getSortType())
                                    .toList()
                                    .toString())
                    .get();
            assertEquals(expected, names(robot), "sorted by " + order);
        }
    }

    /** Whether this column is in the list (its heading shown). */
    private static boolean columnShown(FxRobot robot, String columnId) throws Exception {
        return WaitForAsyncUtils.asyncFx(() ->
                        robot.lookup("#caseloadTable").queryAs(TableView.class).getColumns().stream()
                                .anyMatch(c -> columnId.equals(((TableColumn<?, ?>) c).getId())
                                        && ((TableColumn<?, ?>) c).isVisible()))
                .get();
    }

    /** What hovering over this person's "Att göra" cell shows. */
    private static String dueTooltip(FxRobot robot, String name) throws Exception {
        return inCell(
                robot,
                "caseloadDue",
                name,
                c -> c.getTooltip() == null ? null : c.getTooltip().getText());
    }

    /** The text of the cell of this column in the row of this person, and whether it is red. */
    private static String cell(FxRobot robot, String columnId, String name, Set<String> classes) throws Exception {
        return inCell(robot, columnId, name, c -> {
            classes.addAll(c.getStyleClass());
            return c.getText();
        });
    }

    /** What is read off the cell of this column in the row of this person (null if none shows). */
    private static <T> T inCell(
            FxRobot robot, String columnId, String name, java.util.function.Function<TableCell<?, ?>, T> read)
            throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    for (Node node : robot.lookup("#caseloadTable .table-cell").queryAll()) {
                        if (node instanceof TableCell<?, ?> c
                                && c.getTableColumn() != null
                                && columnId.equals(c.getTableColumn().getId())
                                && c.getTableRow() != null
                                && c.getTableRow().getItem() instanceof CaseloadRow row
                                && row.name().equals(name)) {
                            return read.apply(c);
                        }
                    }
                    return null;
                })
                .get();
    }

    /**
     * A window made narrow after it was wide: each column at its least width and the list
     * scrolling sideways, not the wide columns kept far past the window's edge; wide again, the
     * columns fill the list, and the room goes to what is due, not to the dates.
     */
    @Test
    void aWindowMadeNarrowAfterWideKeepsEachColumnAtItsLeastAndWideFillsTheList(FxRobot robot) throws Exception {
        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 3);
        Ui.waitFor(() -> fills(robot));
        double[] before = widths(robot, "caseloadDue", "caseloadLastContact");
        // As wide as the test's screen (Monocle's 1280 pixels) allows.
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(1280)).get();
        Ui.waitFor(() -> fills(robot) && widths(robot, "caseloadDue")[0] > before[0]);
        double[] wide = widths(robot, "caseloadDue", "caseloadLastContact");
        assertTrue(
                wide[0] - before[0] > wide[1] - before[1],
                "what is due takes more of the room than a date: " + List.of(before[0], before[1], wide[0], wide[1]));

        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(760)).get();
        Ui.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> {
                    TableView<?> table = robot.lookup("#caseloadTable").queryAs(TableView.class);
                    return table.getVisibleLeafColumns().stream()
                            .allMatch(c -> Math.abs(c.getWidth() - c.getMinWidth()) < 0.5);
                })
                .get());
        Ui.shot(robot, "#caseloadTable", "caseload-narrow");

        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(1180)).get();
        Ui.waitFor(() -> fills(robot));
    }

    /** Whether the list's columns together are as wide as the list (no sideways scroll, no gap). */
    private static boolean fills(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    TableView<?> table = robot.lookup("#caseloadTable").queryAs(TableView.class);
                    Node flow = table.lookup(".virtual-flow");
                    double columns = table.getVisibleLeafColumns().stream()
                            .mapToDouble(TableColumn::getWidth)
                            .sum();
                    double inside = flow == null ? 0 : flow.getLayoutBounds().getWidth();
                    return inside > 0 && Math.abs(columns - inside) < 20;
                })
                .get();
    }

    private static double[] widths(FxRobot robot, String... columnIds) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    TableView<?> table = robot.lookup("#caseloadTable").queryAs(TableView.class);
                    double[] found = new double[columnIds.length];
                    for (int i = 0; i < columnIds.length; i++) {
                        String id = columnIds[i];
                        found[i] = table.getColumns().stream()
                                .filter(c -> id.equals(c.getId()))
                                .mapToDouble(TableColumn::getWidth)
                                .findFirst()
                                .orElse(-1);
                    }
                    return found;
                })
                .get();
    }

    @Test
    void theListShowsWhatIsDueMeetingsAndContactsSortsByThemAndSaysWhatElseToTry(FxRobot robot) throws Exception {
        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 3);
        assertEquals(List.of("Farah, Omar", "Lind, Eva", "Yilmaz, Amina"), names(robot), "Eva exited, not yet checked");
        assertTrue(!columnShown(robot, "caseloadCoach"), "my own list: every row would name me");

        Set<String> red = new java.util.HashSet<>();
        String late = cell(robot, "caseloadDue", "Yilmaz, Amina", red);
        assertEquals(SV.get("caseload.due.late", SV.date(TODAY.minusDays(15)), SV.of(DeadlineKind.PLAN_DUE)), late);
        assertTrue(late.contains("försenad") && red.contains("overdue"), "in words and in red: " + red);
        assertEquals(late, dueTooltip(robot, "Yilmaz, Amina"), "the whole of it, however narrow the column");
        Set<String> notRed = new java.util.HashSet<>();
        assertEquals(
                SV.get("caseload.due", SV.date(TODAY.plusDays(5)), SV.of(DeadlineKind.PLAN_DUE)),
                cell(robot, "caseloadDue", "Farah, Omar", notRed));
        assertTrue(!notRed.contains("overdue"), "not late, not red");
        assertEquals(
                SV.dateTime(TODAY.plusDays(2).atTime(9, 15)),
                cell(robot, "caseloadNextMeeting", "Yilmaz, Amina", new java.util.HashSet<>()));
        assertEquals(
                SV.get("caseload.lastContact", SV.date(TODAY.minusDays(10)), 10L),
                cell(robot, "caseloadLastContact", "Yilmaz, Amina", new java.util.HashSet<>()));
        Ui.shot(robot, "#caseloadTable", "caseload-glance");

        // Eva's check is not due yet, so she has no deadline: last whichever way.
        robot.clickOn(header(robot, "caseloadDue"));
        waitNames(robot, List.of("Yilmaz, Amina", "Farah, Omar", "Lind, Eva"));
        robot.clickOn(header(robot, "caseloadDue"));
        waitNames(robot, List.of("Farah, Omar", "Yilmaz, Amina", "Lind, Eva"));
        // Sorted by the last contact: Amina's is the only one, first whichever way.
        robot.clickOn(header(robot, "caseloadLastContact"));
        waitNames(robot, List.of("Yilmaz, Amina", "Farah, Omar", "Lind, Eva"));
        robot.clickOn(header(robot, "caseloadLastContact"));
        Ui.waitFor(() -> WaitForAsyncUtils.asyncFx(() -> {
                    TableView<?> table = robot.lookup("#caseloadTable").queryAs(TableView.class);
                    return !table.getSortOrder().isEmpty()
                            && "caseloadLastContact"
                                    .equals(table.getSortOrder().get(0).getId())
                            && table.getSortOrder().get(0).getSortType() == TableColumn.SortType.DESCENDING;
                })
                .get());
        assertEquals("Yilmaz, Amina", names(robot).get(0), "the empty cells last in descending order too");

        // Hodan is Karim's: her birthday from inside her number finds her among everyone.
        robot.clickOn("#caseloadSearch").write("0512");
        Ui.waitFor(() -> Ui.showing(robot, "#caseloadSearchAll"));
        assertEquals(
                SV.get("caseload.noMatch.elsewhere", "0512") + " " + SV.get("caseload.noMatch.digits"),
                Ui.text(robot, "#caseloadEmpty"));
        robot.press(KeyCode.ALT).type(KeyCode.L).release(KeyCode.ALT);
        waitNames(robot, List.of("Warsame, Hodan"));
        Ui.waitFor(() -> columnShown(robot, "caseloadCoach"));
        assertEquals("Karim Haddad", cell(robot, "caseloadCoach", "Warsame, Hodan", new java.util.HashSet<>()));
        assertEquals(
                CaseloadViewModel.Scope.ALL,
                WaitForAsyncUtils.asyncFx(() -> robot.lookup("#caseloadScope")
                                .queryAs(ComboBox.class)
                                .getValue())
                        .get());

        robot.clickOn("#caseloadSearch").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("Zetterqvist");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 0 && Ui.showing(robot, "#caseloadEmpty"));
        Ui.waitFor(() -> Ui.text(robot, "#caseloadEmpty").startsWith(SV.get("caseload.noMatch", "Zetterqvist")));
        assertTrue(!Ui.showing(robot, "#caseloadSearchAll"), "everyone is searched already");
        Ui.shot(robot, "#caseloadTable", "caseload-empty-search");
    }
}

package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.Role;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * A coach who works from the keyboard is never caught: Tab leaves every note, every tab, field
 * and button of the work has its Alt+letter and no two letters clash in a window, a table reached
 * with Tab has a row to act on, and the focus stays with the work.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KeyboardUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final I18n EN = new I18n(Locale.ENGLISH);
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path dir;

    private static Path file;
    private AppContext context;
    private Coach me;
    private Stage stage;
    private MainWindow window;
    private Role role;
    /** The person whose enrolment has ended, with its check made. */
    private static UUID ended;

    /** The caseload once for the class: made on the FX thread, it would hold up the window's start. */
    @BeforeAll
    static void caseload() {
        file = dir.resolve("keys.db");
        AppContext made = AppContext.open(file, CLOCK, TestPassphrase.get());
        try {
            Coach coach = made.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
            // A team lead: every screen's letters are checked, the summary's too.
            made.security().changeRole(TestPassphrase.get(), Role.TEAM_LEAD);
            made.demo().populate(12, 8, coach);
            Participant zeta = made.caseload()
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1990, 9, 17), 388, false)
                                    .display(),
                            "Zäta",
                            "Qvistorp",
                            null,
                            null,
                            null));
            made.caseload()
                    .enrol(new EnrolmentDraft(
                            zeta.id(),
                            coach.id(),
                            TODAY.minusDays(20),
                            "Försörjningsstöd Rinkeby-Kista",
                            "Omar Farah",
                            EnumSet.of(TargetGroup.UNEMPLOYED),
                            null,
                            false));
            // Someone whose exit tab shows the exit done and its check, with their own letters.
            Participant endedPerson = made.caseload()
                    .register(new ParticipantDraft(
                            PersonalIdentityNumber.of(LocalDate.of(1988, 4, 2), 264, false)
                                    .display(),
                            "Yrsa",
                            "Avslutsson",
                            null,
                            null,
                            null));
            Enrolment endedEnrolment = made.caseload()
                    .enrol(new EnrolmentDraft(
                            endedPerson.id(),
                            coach.id(),
                            TODAY.minusDays(120),
                            "Försörjningsstöd Rinkeby-Kista",
                            null,
                            EnumSet.of(TargetGroup.UNEMPLOYED),
                            null,
                            false));
            made.workflow().exit(new ExitDraft(endedEnrolment.id(), TODAY.minusDays(40), ExitReason.STUDIES, null));
            made.workflow().checkExit(endedEnrolment.id(), ExitCheck.IN_WORK_OR_STUDIES, TODAY.minusDays(2));
            ended = endedPerson.id();
        } finally {
            made.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = AppContext.open(file, CLOCK, TestPassphrase.get());
        me = context.coaches().currentCoach().orElseThrow();
        role = context.coaches().role();
        Ui.showMain(stage, context, SV, me);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private void show(FxRobot robot, I18n i18n) {
        robot.interact(() -> {
            window = new MainWindow(stage, context.ui(), i18n, me, role, () -> {});
            Ui.showMain(stage, context, window);
        });
    }

    private Node focused(FxRobot robot) {
        AtomicReference<Node> owner = new AtomicReference<>();
        robot.interact(() -> owner.set(stage.getScene().getFocusOwner()));
        return owner.get();
    }

    private static boolean inside(Node node, String id) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (id.equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT).type(key).release(KeyCode.ALT);
    }

    /** Searches the person by name; Enter with the one hit opens their page, with the focus in it. */
    private void openZeta(FxRobot robot) throws Exception {
        robot.clickOn("#navCaseload");
        robot.clickOn("#caseloadSearch").write("Qvistorp");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 1);
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> Ui.showing(robot, "#workTabs") && Ui.showing(robot, "#mappingAreas"));
    }

    @Test
    void enterInTheSearchOpensTheOneHitAndTheFocusGoesToTheWork(FxRobot robot) throws Exception {
        openZeta(robot);
        Ui.waitFor(() -> inside(focused(robot), "workArea"));
        assertEquals(
                "Zäta Qvistorp",
                robot.lookup("#participantName").queryAs(Label.class).getText());
    }

    @Test
    void afterSavingAMappingAreaTheFocusIsStillInTheWork(FxRobot robot) throws Exception {
        openZeta(robot);
        step(robot, "workMapping");
        int before = context.workflow().work(enrolmentOfZeta()).mappingHistory().size();
        robot.clickOn("#mappingText").write("Vill arbeta inom vården");
        List<String> moves = new ArrayList<>();
        robot.interact(() -> stage.getScene()
                .focusOwnerProperty()
                .addListener((o, old, now) -> moves.add(String.valueOf(now) + " in work " + inside(now, "workArea"))));
        alt(robot, KeyCode.M); // Spara området
        Ui.waitFor(() ->
                context.workflow().work(enrolmentOfZeta()).mappingHistory().size() > before);
        Ui.waitFor(() -> !robot.lookup("#mappingSave").query().isDisabled());
        Node owner = focused(robot);
        assertTrue(inside(owner, "workArea"), "the focus is on " + owner + ", not in the work; " + moves);
    }

    private UUID enrolmentOfZeta() {
        return context.caseload()
                .caseload(null, "Qvistorp")
                .get(0)
                .latestEnrolment()
                .id();
    }

    @Test
    void tabLeavesEveryNoteAndNoNoteKeepsATab(FxRobot robot) throws Exception {
        openZeta(robot);
        List<String> walked = new ArrayList<>();
        for (String tab : List.of("workMapping", "workPlan", "workMeetings", "workExit")) {
            step(robot, tab);
            if (tab.equals("workPlan")) {
                // A plan to write the wishes in: "Upprätta plan".
                robot.clickOn("#planDraft");
                Ui.waitFor(() -> Ui.showing(robot, "#planWishes")
                        && !robot.lookup("#planWishes").query().isDisabled());
            }
            for (TextArea area : showingAreas(robot)) {
                tabLeaves(robot, area);
                walked.add(area.getId());
            }
        }
        // The meeting's notes, in the dialog of a planned meeting.
        step(robot, "workMeetings");
        robot.clickOn("#meetingPlan");
        Ui.waitFor(() -> Ui.showing(robot, "#meetingNotes"));
        tabLeaves(robot, robot.lookup("#meetingNotes").queryAs(TextArea.class));
        walked.add("meetingNotes");
        robot.type(KeyCode.ESCAPE);
        Ui.waitFor(() -> !Ui.showing(robot, "#meetingNotes"));
        assertEquals(List.of("mappingText", "planWishes", "meetingDetail", "exitNote", "meetingNotes"), walked);
    }

    private List<TextArea> showingAreas(FxRobot robot) {
        List<TextArea> areas = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll(".text-area")) {
                if (n instanceof TextArea area && showing(area) && !area.isDisabled()) {
                    areas.add(area);
                }
            }
        });
        return areas;
    }

    private void tabLeaves(FxRobot robot, TextArea area) throws Exception {
        robot.clickOn(area).write("rad ett");
        robot.type(KeyCode.TAB);
        Ui.waitFor(() -> area.getScene().getFocusOwner() != area);
        assertFalse(area.getText().contains("\t"), area.getId() + " stored a tab");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        Ui.waitFor(() -> area.getScene().getFocusOwner() == area);
        robot.interact(() -> area.replaceText(0, area.getLength(), "a\tb"));
        assertEquals("a b", area.getText(), area.getId() + " keeps no pasted tab");
        robot.interact(area::clear);
    }

    @Test
    void altLettersSelectTheWorkTabs(FxRobot robot) throws Exception {
        openZeta(robot);
        TabPane work = robot.lookup("#workTabs").queryAs(TabPane.class);
        alt(robot, KeyCode.P);
        Ui.waitFor(() -> "workPlan".equals(selected(work)));
        alt(robot, KeyCode.F);
        Ui.waitFor(() -> "workMeetings".equals(selected(work)));
        alt(robot, KeyCode.L);
        Ui.waitFor(() -> "workExit".equals(selected(work)));
        alt(robot, KeyCode.K);
        Ui.waitFor(() -> "workMapping".equals(selected(work)));
    }

    private void step(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup("#workTabs").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> id.equals(t.getId()))
                .findFirst()
                .ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
    }

    private static String selected(TabPane pane) {
        Tab tab = pane.getSelectionModel().getSelectedItem();
        return tab == null ? null : tab.getId();
    }

    /**
     * A field's letter that a screen shown before uses too (English "Sho_w" on the caseload,
     * "_When" on Today) takes the focus to the field on the screen in view, each way.
     */
    @Test
    void aFieldsLetterAlsoOnAScreenShownBeforeTakesTheFocusToTheFieldInView(FxRobot robot) throws Exception {
        show(robot, EN);
        Ui.waitFor(() -> Ui.rows(robot, "#todayTable") > 0);
        robot.clickOn("#navCaseload");
        Ui.waitFor(() -> Ui.showing(robot, "#caseloadScope"));
        alt(robot, KeyCode.W);
        Ui.waitFor(() -> inside(focused(robot), "caseloadScope"));
        robot.clickOn("#navToday");
        Ui.waitFor(() -> Ui.showing(robot, "#todayHorizon"));
        alt(robot, KeyCode.W);
        Ui.waitFor(() -> inside(focused(robot), "todayHorizon"));
    }

    @Test
    void everyScreenHasItsLettersAndNoTwoClashInSwedishAndEnglish(FxRobot robot) throws Exception {
        for (I18n i18n : List.of(SV, EN)) {
            show(robot, i18n);
            String lang = i18n == SV ? "sv" : "en";
            Ui.waitFor(() -> Ui.rows(robot, "#todayTable") > 0);
            checkWindow(robot, stage.getScene(), lang + " today", "todayAct");
            robot.clickOn("#navCaseload");
            checkWindow(robot, stage.getScene(), lang + " caseload", null);
            robot.clickOn("#navSummary");
            checkWindow(robot, stage.getScene(), lang + " summary", null);
            robot.clickOn("#navSync");
            checkWindow(robot, stage.getScene(), lang + " sync", null);
            openZeta(robot);
            for (String tab : List.of("#workMapping", "#workPlan", "#workMeetings", "#workExit")) {
                robot.interact(() -> robot.lookup("#workTabs").queryAs(TabPane.class).getTabs().stream()
                        .filter(t -> tab.equals("#" + t.getId()))
                        .findFirst()
                        .ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
                checkWindow(robot, stage.getScene(), lang + " " + tab, "workTabs");
            }
            // A dialog is a window of its own: its letters clash with nothing in it.
            robot.interact(() -> robot.lookup("#workTabs").queryAs(TabPane.class).getTabs().stream()
                    .filter(t -> "workMeetings".equals(t.getId()))
                    .findFirst()
                    .ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
            robot.clickOn("#meetingPlan");
            Ui.waitFor(() -> Ui.showing(robot, "#meetingDialog"));
            checkWindow(robot, robot.lookup("#meetingDialog").query().getScene(), lang + " meeting", "meetingDialog");
            robot.type(KeyCode.ESCAPE);
            Ui.waitFor(() -> !Ui.showing(robot, "#meetingDialog"));
            robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
            Ui.waitFor(() -> Ui.showing(robot, "#registrationDialog"));
            checkWindow(
                    robot,
                    robot.lookup("#registrationDialog").query().getScene(),
                    lang + " registration",
                    "registrationDialog");
            robot.type(KeyCode.ESCAPE);
            Ui.waitFor(() -> !Ui.showing(robot, "#registrationDialog"));
            // An ended enrolment's exit tab: the exit and its check, each undone by its own letter.
            // Zäta's page closes first (Ctrl+W), so the work found below is the ended one's.
            robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
            Ui.waitFor(() -> !Ui.showing(robot, "#workTabs"));
            robot.interact(() -> window.open(ended));
            Ui.waitFor(() -> Ui.showing(robot, "#workTabs"));
            robot.interact(() -> robot.lookup("#workTabs")
                    .queryAs(TabPane.class)
                    .getSelectionModel()
                    .select(3));
            Ui.waitFor(() -> Ui.showing(robot, "#exitUndo"));
            checkWindow(robot, stage.getScene(), lang + " ended exit", "workTabs");
        }
    }

    @Test
    void everyMenuItemHasALetterOfItsOwnInItsMenu(FxRobot robot) {
        for (I18n i18n : List.of(SV, EN)) {
            show(robot, i18n);
            List<String> problems = new ArrayList<>();
            robot.interact(() -> {
                MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
                List<String> menus = bar.getMenus().stream().map(Menu::getText).toList();
                problems.addAll(clashes("the menu bar", menus));
                for (Menu menu : bar.getMenus()) {
                    List<String> items = menu.getItems().stream()
                            .filter(item -> !(item instanceof SeparatorMenuItem))
                            .map(MenuItem::getText)
                            .toList();
                    problems.addAll(clashes(menu.getText(), items));
                }
            });
            assertEquals(List.of(), problems, i18n.locale() + ": menu letters");
        }
    }

    /** Items with no letter, and letters two items share. */
    private static List<String> clashes(String where, List<String> texts) {
        List<String> found = new ArrayList<>();
        Map<Character, List<String>> letters = new TreeMap<>();
        for (String text : texts) {
            letter(text, true)
                    .ifPresentOrElse(
                            c -> letters.computeIfAbsent(c, k -> new ArrayList<>())
                                    .add(text),
                            () -> found.add(where + ": no letter in " + text));
        }
        letters.forEach((c, shared) -> {
            if (shared.size() > 1) {
                found.add(where + ": " + c + " in " + shared);
            }
        });
        return found;
    }

    /**
     * No letter twice among what the window shows; under the node with this id (the work, a
     * dialog), every button and every labelled field has a letter.
     */
    private void checkWindow(FxRobot robot, Scene scene, String where, String everyOneUnder) {
        Screenshots.save(scene, "keys-" + where.replaceAll("[^a-zA-Z]+", "-"));
        robot.interact(() -> {
            Map<Character, List<String>> letters = new TreeMap<>();
            List<String> without = new ArrayList<>();
            collect(scene.getRoot(), letters, without, everyOneUnder, false);
            letters.values().removeIf(l -> l.size() < 2);
            assertEquals(Map.of(), letters, where + ": letters used twice");
            assertEquals(List.of(), without, where + ": buttons and labelled fields with no letter");
        });
    }

    private static void collect(
            Node node, Map<Character, List<String>> letters, List<String> without, String under, boolean inside) {
        if (!node.isVisible()) {
            return;
        }
        boolean in = inside || (under != null && under.equals(node.getId()));
        if (node instanceof Labeled labeled && labeled.isMnemonicParsing()) {
            letter(labeled.getText(), true)
                    .ifPresentOrElse(
                            c -> letters.computeIfAbsent(c, k -> new ArrayList<>())
                                    .add(labeled.getText()),
                            () -> {
                                // A group of boxes (the actors) is reached by its label's letter.
                                boolean inGroup = labeled instanceof CheckBox
                                        && labeled.getParent().getChildrenUnmodifiable().stream()
                                                        .filter(CheckBox.class::isInstance)
                                                        .count()
                                                > 1;
                                // A dialog's Cancel is Esc.
                                boolean cancel = labeled instanceof Button b && b.isCancelButton();
                                boolean asked = !inGroup
                                        && !cancel
                                        && (labeled instanceof ButtonBase
                                                || labeled instanceof Label l && l.getLabelFor() != null);
                                if (in
                                        && asked
                                        && labeled.getText() != null
                                        && !labeled.getText().isBlank()) {
                                    without.add(labeled.getText());
                                }
                            });
        }
        // A control's skin repeats its text in labels of its own (a menu's button): counted once.
        if (node instanceof Parent parent && !(node instanceof Labeled)) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, letters, without, under, in);
            }
        }
    }

    private static Optional<Character> letter(String text, boolean parsing) {
        if (!parsing || text == null) {
            return Optional.empty();
        }
        int at = text.indexOf('_');
        return at < 0 || at + 1 >= text.length()
                ? Optional.empty()
                : Optional.of(Character.toLowerCase(text.charAt(at + 1)));
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void todayTabToTheTableSelectsARowToActOn(FxRobot robot) throws Exception {
        Ui.waitFor(() -> Ui.rows(robot, "#todayTable") > 1);
        TableView<?> table = robot.lookup("#todayTable").queryAs(TableView.class);
        Button act = robot.lookup("#todayAct").queryAs(Button.class);
        assertTrue(act.isDisabled());
        // Tab from the buttons above it reaches the table.
        robot.interact(() -> robot.lookup("#todayRefresh").query().requestFocus());
        robot.type(KeyCode.TAB);
        Ui.waitFor(table::isFocused);
        Ui.waitFor(() -> !act.isDisabled());
        assertEquals(0, table.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.DOWN);
        Ui.waitFor(() -> table.getSelectionModel().getSelectedIndex() == 1);
        assertFalse(act.isDisabled());
    }

    @Test
    void anUnknownExitWithoutANoteIsToldBeforeTheQuestionAndTheFocusGoesToTheNote(FxRobot robot) throws Exception {
        openZeta(robot);
        step(robot, "workExit");
        Ui.waitFor(() -> Ui.showing(robot, "#exitSave"));
        // Chosen directly: the choosing is not the point here, and "Okänd", the tenth and last
        // item, sits at its popup's lower edge, where a click on it may miss.
        @SuppressWarnings("unchecked")
        ComboBox<ExitReason> reason = robot.lookup("#exitReason").queryAs(ComboBox.class);
        robot.interact(() -> reason.getSelectionModel().select(ExitReason.UNKNOWN));
        Ui.waitFor(() -> Ui.showing(robot, "#exitUnknownWhy"));
        alt(robot, KeyCode.I); // Avsluta _inskrivningen…
        Ui.waitFor(() -> Ui.showing(robot, "#exitNoteProblem"));
        assertFalse(Ui.showing(robot, ".dialog-pane"), "no question about an exit that cannot be saved");
        assertEquals(SV.get("exit.problem.unknownNeedsNote"), Ui.text(robot, "#exitNoteProblem"));
        TextArea note = robot.lookup("#exitNote").queryAs(TextArea.class);
        Ui.waitFor(() -> focused(robot) == note);

        robot.write("Ringt tre gånger");
        Ui.waitFor(() -> !Ui.showing(robot, "#exitNoteProblem"));
    }

    @Test
    void enrollingSomeoneEnrolledSaysSoBeforeTheForm(FxRobot robot) throws Exception {
        openZeta(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        Ui.waitFor(() -> Ui.showing(robot, ".dialog-pane"));
        assertFalse(Ui.showing(robot, "#enrolmentDialog"), "no form to fill in for nothing");
        String said =
                ((Label) robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContent()).getText();
        assertEquals(SV.get("enrolment.problem.alreadyOpen", TODAY.minusDays(20)), said);
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> !Ui.showing(robot, ".dialog-pane"));
    }
}

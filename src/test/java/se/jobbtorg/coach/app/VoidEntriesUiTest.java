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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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
import se.jobbtorg.coach.TestDrafts;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.MappingArea;
import se.jobbtorg.coach.domain.MappingEntry;
import se.jobbtorg.coach.domain.MappingStatus;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * "Makulera…" on the entries that are only ever added, other than meetings (those are in
 * MeetingOutcomeUiTest): the coach voids one by keyboard with a reason, it stays in the list
 * struck through with the reason beside it, and counts nowhere afterwards.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VoidEntriesUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final MappingArea AREA = MappingArea.values()[0];

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;
    private UUID amina;
    private Enrolment enrolment;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("void-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        enrolment = Ui.enrolled(context, me, TODAY.minusDays(20));
        amina = enrolment.participantId();
        MappingEntry first = context.workflow()
                .saveMapping(
                        MappingEntry.notStarted(enrolment.id(), AREA),
                        MappingStatus.IN_PROGRESS,
                        "Vill arbeta inom vården",
                        TODAY.minusDays(10),
                        Set.of(),
                        null);
        context.workflow().saveMapping(first, MappingStatus.DONE, "Gällde en annan aspirant", TODAY, Set.of(), null);
        window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aMappingEntryEnteredInErrorIsVoidedAndTheAreaShowsTheEntryBefore(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workMapping"));
        robot.clickOn("#workMapping");
        Ui.waitFor(() -> Ui.showing(robot, "#mappingEntries") && Ui.rows(robot, "#mappingEntries") == 2);
        assertEquals(
                MappingStatus.DONE,
                context.workflow().work(enrolment.id()).mapping().get(AREA).status());

        // Keyboard only: Tab from the form reaches the entries (the newest is chosen), then its button.
        robot.clickOn("#mappingOtherActors");
        for (int i = 0; i < 10 && !robot.lookup("#mappingEntries").query().isFocused(); i++) {
            robot.type(KeyCode.TAB);
        }
        Ui.waitFor(() -> !robot.lookup("#mappingVoid").queryButton().isDisabled());
        // The next stop after the list is its button.
        robot.type(KeyCode.TAB);
        Ui.waitFor(() -> robot.lookup("#mappingVoid").query().isFocused());
        robot.type(KeyCode.SPACE);
        Ui.waitFor(() -> Ui.showing(robot, "#voidDialogOk"));
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> robot.lookup(".label").queryAll().stream()
                .anyMatch(n ->
                        n instanceof Label l && SV.get("void.problem.reason").equals(l.getText())));
        robot.clickOn("#voidReason").write("Gällde en annan aspirant");
        Ui.shot(robot, "#voidDialogOk", "mapping-void");
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#voidDialogOk")
                && robot.lookup("#mappingEntries .table-row-cell.voided")
                                .queryAll()
                                .size()
                        == 1);

        var work = context.workflow().work(enrolment.id());
        assertEquals(MappingStatus.IN_PROGRESS, work.mapping().get(AREA).status(), "the entry before counts again");
        assertEquals("Vill arbeta inom vården", work.mapping().get(AREA).text());
        assertEquals(2, work.mappingHistory().size(), "both stay in the history");
        Ui.waitFor(() -> SV.of(MappingStatus.IN_PROGRESS)
                .equals(
                        robot.lookup("#mappingStatus").queryComboBox().getValue() == null
                                ? null
                                : SV.of((MappingStatus) robot.lookup("#mappingStatus")
                                        .queryComboBox()
                                        .getValue())));
        assertTrue(robot.lookup("#mappingEntries .void-reason").queryAll().stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c
                        && SV.get("void.shown", SV.date(TODAY), "Gällde en annan aspirant")
                                .equals(c.getText())));
        Ui.shot(robot, "#mappingEntries", "mapping-voided");
    }

    @Test
    void aFollowUpEnteredInErrorIsVoidedAndTheMeetingNoLongerShowsIt(FxRobot robot) throws Exception {
        ActivityPlan draft = context.workflow().draft(enrolment.id(), false);
        context.workflow().describe(draft.id(), PlanGoal.WORK, "Vill arbeta inom vården");
        context.workflow().addActivity(draft.id(), TestDrafts.workTraining(TODAY));
        ActivityPlan plan = context.workflow().approve(draft.id(), "Omar Farah", TODAY);
        Activity training =
                context.workflow().work(enrolment.id()).activitiesOf(plan.id()).get(0);
        Meeting held = context.workflow()
                .recordMeeting(
                        TestDrafts.meeting(
                                enrolment.id(), TODAY.atTime(9, 0), MeetingKind.DESK, MeetingOutcome.ATTENDED),
                        Map.of(training.id(), "Trivs i caféet"));
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workMeetings"));
        robot.clickOn("#workMeetings");
        Ui.waitFor(() -> Ui.showing(robot, "#meetings") && Ui.rows(robot, "#meetings") == 1);
        assertTrue(robot.lookup("#followUpVoid").queryButton().isDisabled(), "no meeting chosen, nothing to void");

        robot.clickOn(SV.date(TODAY) + " 09:00");
        Ui.waitFor(() -> Ui.rows(robot, "#followUps") == 1);
        // Tab from the meetings reaches the meeting whole, then its follow-ups (the first is
        // chosen); Alt+J voids it.
        robot.type(KeyCode.TAB);
        Ui.waitFor(() -> robot.lookup("#meetingDetail").query().isFocused());
        robot.type(KeyCode.TAB);
        Ui.waitFor(() -> robot.lookup("#followUps").query().isFocused()
                && !robot.lookup("#followUpVoid").queryButton().isDisabled());
        robot.press(KeyCode.ALT).type(KeyCode.J).release(KeyCode.ALT);
        Ui.waitFor(() -> Ui.showing(robot, "#voidDialogOk"));
        robot.clickOn("#voidReason").write("Gällde en annan insats");
        Ui.shot(robot, "#voidDialogOk", "followup-void");
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#voidDialogOk")
                && robot.lookup("#followUps .table-row-cell.voided").queryAll().size() == 1);

        var work = context.workflow().work(enrolment.id());
        assertEquals(List.of(), work.followUpsOf(held.id()), "a voided follow-up counts nowhere");
        assertTrue(work.voidOf(work.followUpHistory().get(0).id()).isPresent());
        assertTrue(robot.lookup("#followUps .void-reason").queryAll().stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c
                        && SV.get("void.shown", SV.date(TODAY), "Gällde en annan insats")
                                .equals(c.getText())));
        assertTrue(
                robot.lookup("#meetings .table-cell").queryAll().stream()
                        .noneMatch(n -> n instanceof TableCell<?, ?> c
                                && c.getText() != null
                                && c.getText().contains("Trivs i caféet")),
                "the meeting's own column leaves it out");
        Ui.shot(robot, "#followUps", "followup-voided");
    }

    @Test
    void aReasonEnteredInErrorIsVoidedAndTheDeadlineHasTheReasonBefore(FxRobot robot) throws Exception {
        Due due = context.workflow().work(enrolment.id()).due().get(0);
        context.workflow().giveReason(due, "Sjuk i en vecka");
        context.workflow().giveReason(due, "Gällde en annan aspirant");
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workMeetings"));
        robot.clickOn("#workMeetings");
        Ui.waitFor(() -> Ui.showing(robot, "#deadlineReasons") && Ui.rows(robot, "#deadlineReasons") == 2);

        robot.clickOn("Gällde en annan aspirant");
        Ui.waitFor(() -> !robot.lookup("#reasonVoid").queryButton().isDisabled());
        robot.press(KeyCode.ALT).type(KeyCode.O).release(KeyCode.ALT);
        Ui.waitFor(() -> Ui.showing(robot, "#voidDialogOk"));
        robot.clickOn("#voidReason").write("Skrev på fel person");
        Ui.shot(robot, "#voidDialogOk", "reason-void");
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#voidDialogOk")
                && robot.lookup("#deadlineReasons .table-row-cell.voided")
                                .queryAll()
                                .size()
                        == 1);

        assertEquals(
                "Sjuk i en vecka",
                context.workflow()
                        .reason(enrolment.id(), due.kind(), due.dueOn())
                        .orElseThrow(),
                "the reason given before counts again");
        assertTrue(robot.lookup("#deadlineReasons .void-reason").queryAll().stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c
                        && SV.get("void.shown", SV.date(TODAY), "Skrev på fel person")
                                .equals(c.getText())));
        Ui.shot(robot, "#deadlineReasons", "reason-voided");
    }
}

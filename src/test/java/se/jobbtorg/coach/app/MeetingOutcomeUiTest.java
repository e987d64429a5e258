package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * "Registrera utfall…" with no meeting selected: the coach is asked which planned meeting the
 * outcome closes, the nearest one offered first, and the planned entry no longer stays "Planerat".
 * "Makulera…" marks an entry as entered in error: struck through in the history, counted nowhere.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MeetingOutcomeUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;
    private UUID amina;
    private Enrolment enrolment;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("outcome-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        enrolment = Ui.enrolled(context, me, TODAY.minusDays(20));
        amina = enrolment.participantId();
        for (LocalDate on : List.of(TODAY, TODAY.plusDays(7))) {
            context.workflow().recordMeeting(planned(on));
        }
        window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    private MeetingDraft planned(LocalDate on) {
        return TestDrafts.meeting(
                enrolment.id(), LocalDateTime.of(on, LocalTime.of(14, 0)), MeetingKind.DESK, MeetingOutcome.PLANNED);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void anOutcomeClosesThePlannedMeetingTheCoachChooses(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workMeetings"));
        robot.clickOn("#workMeetings");
        Ui.waitFor(() -> Ui.showing(robot, "#meetings") && Ui.rows(robot, "#meetings") == 2);

        robot.clickOn("#meetingRecord");
        Ui.waitFor(() -> Ui.showing(robot, "#meetingCloses"));
        ComboBox<?> choices = robot.lookup("#meetingCloses .combo-box").queryAs(ComboBox.class);
        String today = SV.get("meeting.closes.planned", SV.date(TODAY) + " 14:00", SV.of(MeetingKind.DESK));
        assertEquals(today, choices.getValue().toString(), "today's planned meeting is offered first");
        assertEquals(
                List.of(
                        today,
                        SV.get(
                                "meeting.closes.planned",
                                SV.date(TODAY.plusDays(7)) + " 14:00",
                                SV.of(MeetingKind.DESK)),
                        SV.get("meeting.closes.unplanned")),
                choices.getItems().stream().map(Object::toString).toList());
        Ui.shot(robot, "#meetingCloses", "meeting-closes");
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> Ui.showing(robot, "#meetingDialogOk"));
        robot.clickOn("#meetingNotes").write("Gick igenom planen");
        robot.clickOn("#meetingDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#meetingDialogOk"));

        List<Meeting> meetings = context.workflow().work(enrolment.id()).meetings();
        assertEquals(
                List.of(MeetingOutcome.ATTENDED, MeetingOutcome.PLANNED),
                meetings.stream().map(Meeting::outcome).toList(),
                "today's planned meeting closed, next week's still planned, no record beside them");
        assertEquals("Gick igenom planen", meetings.get(0).notes());
        Ui.waitFor(() -> Ui.rows(robot, "#meetings") == 2);

        // A meeting that was not planned is a record of its own, next week's stays planned.
        robot.clickOn("#meetingRecord");
        Ui.waitFor(() -> Ui.showing(robot, "#meetingCloses"));
        Ui.choose(robot, "#meetingCloses .combo-box", SV.get("meeting.closes.unplanned"));
        robot.type(KeyCode.ENTER);
        Ui.waitFor(() -> Ui.showing(robot, "#meetingDialogOk"));
        robot.clickOn("#meetingDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#meetingDialogOk") && Ui.rows(robot, "#meetings") == 3);
        List<Meeting> after = context.workflow().work(enrolment.id()).meetings();
        assertEquals(3, after.size());
        assertEquals(
                1,
                after.stream()
                        .filter(m -> m.outcome() == MeetingOutcome.PLANNED)
                        .count(),
                "next week's only");

        // The follow-ups under the list: how to fill them, then that the meeting chosen has none.
        assertEquals(SV.get("meeting.followUps.none"), followUpsPlaceholder(robot));
        robot.clickOn((Node) robot.lookup("#meetings .table-row-cell").query());
        Ui.waitFor(() -> SV.get("meeting.followUps.noneForMeeting").equals(followUpsPlaceholder(robot)));
    }

    private static String followUpsPlaceholder(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) robot.lookup("#followUps")
                                .queryAs(TableView.class)
                                .getPlaceholder())
                        .getText())
                .get();
    }

    @Test
    void aMeetingEnteredInErrorIsVoidedWithAReasonAndStaysInTheHistoryStruckThrough(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workMeetings"));
        robot.clickOn("#workMeetings");
        Ui.waitFor(() -> Ui.showing(robot, "#meetings") && Ui.rows(robot, "#meetings") == 2);
        assertTrue(robot.lookup("#meetingVoid").queryButton().isDisabled(), "nothing chosen, nothing to void");

        robot.clickOn(SV.date(TODAY) + " 14:00");
        robot.press(KeyCode.ALT).type(KeyCode.E).release(KeyCode.ALT);
        Ui.waitFor(() -> Ui.showing(robot, "#voidDialogOk"));
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> robot.lookup(".label").queryAll().stream()
                .anyMatch(n ->
                        n instanceof Label l && SV.get("void.problem.reason").equals(l.getText())));
        robot.clickOn("#voidReason").write("Bokat på fel deltagare");
        Ui.shot(robot, "#voidDialogOk", "meeting-void");
        robot.clickOn("#voidDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#voidDialogOk") && Ui.rows(robot, "#meetings") == 1);

        var work = context.workflow().work(enrolment.id());
        assertEquals(
                List.of(TODAY.plusDays(7)),
                work.meetings().stream().map(m -> m.at().toLocalDate()).toList());
        robot.clickOn("#meetingHistory");
        Ui.waitFor(() -> Ui.rows(robot, "#meetings") == 2
                && robot.lookup(".table-row-cell.voided").queryAll().size() == 1);
        assertTrue(robot.lookup(".void-reason").queryAll().stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c
                        && SV.get("void.shown", SV.date(TODAY), "Bokat på fel deltagare")
                                .equals(c.getText())));
        Ui.shot(robot, "#meetings", "meeting-voided");
    }

    @Test
    void aVisitIsPlannedWithItsPlaceAndTheDetailShowsAMeetingWhole(FxRobot robot) throws Exception {
        String notes = "Vi gick igenom vad som hänt sedan sist. ".repeat(12).strip();
        context.workflow()
                .recordMeeting(new MeetingDraft(
                        enrolment.id(),
                        null,
                        LocalDateTime.of(TODAY.minusDays(3), LocalTime.of(10, 0)),
                        MeetingKind.DESK,
                        null,
                        MeetingOutcome.ATTENDED,
                        null,
                        true,
                        notes,
                        "Ringa praktikplatsen i Kista",
                        null,
                        null));
        robot.interact(() -> window.open(amina));
        Ui.waitFor(() -> Ui.showing(robot, "#workMeetings"));
        robot.clickOn("#workMeetings");
        Ui.waitFor(() -> Ui.showing(robot, "#meetings") && Ui.rows(robot, "#meetings") == 3);

        // The held meeting, chosen in the list, is read whole beside it.
        robot.clickOn(SV.date(TODAY.minusDays(3)) + " 10:00");
        Ui.waitFor(() -> detail(robot).contains("Ringa praktikplatsen i Kista"));
        String shown = detail(robot);
        assertTrue(shown.contains(notes), "the notes whole, not cut as in a cell");
        assertTrue(shown.contains(SV.get("meeting.detail.joint")), shown);
        assertTrue(shown.startsWith(SV.date(TODAY.minusDays(3)) + " 10:00 · " + SV.of(MeetingKind.DESK)), shown);
        Ui.shot(robot, "#meetingDetail", "meeting-detail");

        // A visit is planned with where it is; a desk meeting has no place to give.
        robot.clickOn("#meetingPlan");
        Ui.waitFor(() -> Ui.showing(robot, "#meetingDialogOk"));
        assertTrue(robot.lookup("#meetingPlace").query().isDisabled(), "a desk meeting has no place");
        Ui.choose(robot, "#meetingKind", SV.of(MeetingKind.OUTREACH));
        Ui.waitFor(() -> !robot.lookup("#meetingPlace").query().isDisabled());
        robot.clickOn("#meetingPlace").write("Stadsbiblioteket, Sveavägen 73");
        Ui.shot(robot, "#meetingDialogOk", "meeting-place");
        robot.clickOn("#meetingDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#meetingDialogOk") && Ui.rows(robot, "#meetings") == 4);

        Meeting visit = context.workflow().work(enrolment.id()).meetings().stream()
                .filter(m -> m.kind() == MeetingKind.OUTREACH)
                .findFirst()
                .orElseThrow();
        assertEquals("Stadsbiblioteket, Sveavägen 73", visit.place());
        assertEquals(LocalDateTime.of(TODAY, LocalTime.of(9, 0)), visit.at());
        // The row is drawn a pulse after the list has it.
        Ui.waitFor(() -> Ui.showing(robot, SV.date(TODAY) + " 09:00"));
        robot.clickOn(SV.date(TODAY) + " 09:00");
        Ui.waitFor(() -> detail(robot).contains(SV.get("timeline.meeting.place", "Stadsbiblioteket, Sveavägen 73")));
    }

    private static String detail(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#meetingDetail")
                        .queryAs(javafx.scene.control.TextArea.class)
                        .getText())
                .get();
    }
}

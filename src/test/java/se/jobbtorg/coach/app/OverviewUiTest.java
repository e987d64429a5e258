package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
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
import org.testfx.util.NodeQueryUtils;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingKind;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;
import se.jobbtorg.coach.ui.today.TodayRow;
import se.jobbtorg.coach.ui.today.TodayViewModel;

/**
 * The coach's overview as a coach uses it: Today narrowed by kind and by when, grouped by person
 * and sorted by days late, a person never enrolled opened from it; a person's status band and
 * the timeline of the enrolment, read whole, searched and narrowed, an entry in error struck
 * through.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class OverviewUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String NOTES = "Praktiken på förskolan går bra. Handledaren berömmer att hen kommer i tid"
            + " och tar egna initiativ. Vill gärna prova längre dagar från nästa månad, och vi bokar ett"
            + " trepartssamtal med handledaren före jul.";

    @TempDir
    static Path dir;

    private AppContext context;
    private MainWindow window;
    private Enrolment enrolment;
    private UUID saga;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("overview-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        Coach me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        enrolment = Ui.enrolled(context, me, TODAY.minusDays(20));
        var workflow = context.workflow();
        workflow.recordMeeting(new MeetingDraft(
                enrolment.id(),
                null,
                TODAY.minusDays(10).atTime(10, 0),
                MeetingKind.DESK,
                null,
                MeetingOutcome.ATTENDED,
                null,
                false,
                NOTES,
                "Coachen ringer handledaren.",
                null,
                null));
        Meeting wrong = workflow.recordMeeting(new MeetingDraft(
                enrolment.id(),
                null,
                TODAY.minusDays(3).atTime(13, 0),
                MeetingKind.PHONE,
                null,
                MeetingOutcome.ATTENDED,
                null,
                false,
                "Samtal om bostad",
                null,
                null,
                null));
        workflow.voidMeeting(wrong.id(), "Gällde en annan aspirant", me.id());
        saga = context.caseload()
                .register(new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1991, 4, 2), 118, false)
                                .display(),
                        "Saga",
                        "Öberg",
                        null,
                        null,
                        null))
                .id();
        window = new MainWindow(stage, context.ui(), SV, me, () -> {});
        Ui.showMain(stage, context, window);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @SuppressWarnings("unchecked")
    private static List<TodayRow> shown(FxRobot robot) {
        return new ArrayList<>(
                robot.lookup("#todayTable").queryAs(TableView.class).getItems());
    }

    @Test
    void todayNarrowsGroupsAndSortsAndOpensAPersonNeverEnrolled(FxRobot robot) throws Exception {
        Ui.waitFor(() -> Ui.rows(robot, "#todayTable") >= 3);
        int all = Ui.rows(robot, "#todayTable");

        Ui.choose(robot, "#todayKind", SV.of(DeadlineKind.NOT_ENROLLED));
        Ui.waitFor(() -> Ui.rows(robot, "#todayTable") == 1);
        assertEquals("Öberg, Saga", shown(robot).get(0).listName());
        assertTrue(Ui.text(robot, "#todaySummary").contains(SV.get("today.summary.shown", 1)));
        Ui.choose(robot, "#todayKind", SV.get("today.kind.all"));
        Ui.waitFor(() -> Ui.rows(robot, "#todayTable") == all);

        Ui.choose(robot, "#todayHorizon", SV.of(TodayViewModel.Horizon.OVERDUE));
        Ui.waitFor(() -> Ui.rows(robot, "#todayTable") < all);
        assertTrue(shown(robot).stream().allMatch(r -> r.due().overdue()), "only the late: " + shown(robot));
        assertTrue(shown(robot).size() >= 2, "the plan and the duty to take part are late: " + shown(robot));

        robot.clickOn(SV.get("today.column.late"));
        // The first click: most days late first.
        Ui.waitFor(() -> shown(robot).get(0).daysLate() == 15);
        List<Long> days = shown(robot).stream().map(TodayRow::daysLate).toList();
        assertEquals(days.stream().sorted((a, b) -> Long.compare(b, a)).toList(), days, "most days late first");

        Ui.choose(robot, "#todayHorizon", SV.of(TodayViewModel.Horizon.ALL));
        robot.clickOn("#todayByPerson");
        Ui.waitFor(() -> Ui.rows(robot, "#todayTable") == all);
        List<String> people = shown(robot).stream().map(TodayRow::listName).toList();
        assertEquals(List.of("Yilmaz, Amina", "Öberg, Saga"), List.copyOf(new LinkedHashSet<>(people)));
        assertEquals(people.lastIndexOf("Yilmaz, Amina") + 1, people.indexOf("Öberg, Saga"), "together: " + people);
        Ui.shot(robot, "#todayTable", "today-grouped");

        robot.clickOn("Öberg, Saga").type(KeyCode.ENTER);
        Ui.waitFor(() -> Ui.showing(robot, "#participant-" + saga));
        Ui.waitFor(() -> Ui.showing(robot, "#participantEnrolButton"));
    }

    @Test
    void theStatusBandAndTheTimelineTellTheEnrolmentsStory(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(enrolment.participantId()));
        Ui.waitFor(() -> Ui.showing(robot, "#workTimeline"));
        robot.press(KeyCode.ALT).type(KeyCode.T).release(KeyCode.ALT);
        Ui.waitFor(() -> Ui.showing(robot, "#statusBand") && Ui.showing(robot, "#statusLastContact"));
        assertEquals(
                SV.get("status.lastContact", SV.date(TODAY.minusDays(10)), 10L),
                Ui.text(robot, "#statusLastContact"),
                "the meeting entered in error is no contact");
        assertEquals(
                SV.get("status.days", 20L) + " · "
                        + SV.get("status.limit", SV.date(TODAY.minusDays(20).plusMonths(18))),
                Ui.text(robot, "#statusDays"));
        assertTrue(Ui.text(robot, "#statusPlan").contains(SV.get("status.late", "")), "no plan after 20 days is late");

        robot.clickOn("#statusLastContact");
        Ui.waitFor(() -> robot.lookup("#workTabs")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getId()
                .equals("workMeetings"));

        robot.press(KeyCode.ALT).type(KeyCode.T).release(KeyCode.ALT);
        Ui.waitFor(() -> Ui.showing(robot, "#timeline"));
        ListView<?> timeline = robot.lookup("#timeline").queryAs(ListView.class);
        Ui.waitFor(() -> timeline.getItems().size() >= 3);
        String whole = NOTES + "\n" + SV.get("timeline.meeting.next", "Coachen ringer handledaren.");
        Ui.waitFor(() -> robot.lookup("#timeline .label")
                .match(NodeQueryUtils.hasText(whole))
                .tryQuery()
                .isPresent());
        Labeled notes = robot.lookup("#timeline .label")
                .match(NodeQueryUtils.hasText(whole))
                .queryAs(Labeled.class);
        assertTrue(notes.isWrapText() && notes.getHeight() > 3 * notes.getFont().getSize(), "the notes whole, wrapped");
        Labeled voided = robot.lookup("#timeline .label.voided")
                .match(l -> ((Labeled) l).getText().contains(SV.of(MeetingKind.PHONE)))
                .queryAs(Labeled.class);
        assertTrue(voided.getText().startsWith(SV.date(TODAY.minusDays(3)) + " 13:00"), voided.getText());
        assertTrue(
                robot.lookup("#timeline .label")
                        .match(NodeQueryUtils.hasText(
                                SV.get("timeline.voided", SV.date(TODAY), "Gällde en annan aspirant")))
                        .tryQuery()
                        .isPresent(),
                "why it was entered in error, under it");
        Ui.shot(robot, "#timeline", "timeline");

        int total = timeline.getItems().size();
        robot.clickOn("#timelineSearch").write("längre dagar");
        Ui.waitFor(() -> timeline.getItems().size() == 1);
        assertEquals(SV.get("timeline.count", 1, total), Ui.text(robot, "#timelineCount"));
        robot.doubleClickOn("#timelineSearch").eraseText(12);
        Ui.waitFor(() -> timeline.getItems().size() >= 3);
        Ui.choose(robot, "#timelineKind", SV.get("timeline.kind.enrolment"));
        Ui.waitFor(() -> timeline.getItems().size() == 1);
        assertTrue(robot.lookup("#timeline .label")
                .match(NodeQueryUtils.hasText(SV.date(TODAY.minusDays(20)) + " · "
                        + SV.get("timeline.enrolled", "Försörjningsstöd Rinkeby-Kista")))
                .tryQuery()
                .isPresent());
    }
}

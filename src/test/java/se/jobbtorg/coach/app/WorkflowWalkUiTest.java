package se.jobbtorg.coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import se.jobbtorg.coach.TestPassphrase;
import se.jobbtorg.coach.domain.Coach;
import se.jobbtorg.coach.domain.DeadlineKind;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EnrolmentDraft;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.MeetingOutcome;
import se.jobbtorg.coach.domain.Participant;
import se.jobbtorg.coach.domain.ParticipantDraft;
import se.jobbtorg.coach.domain.PersonalIdentityNumber;
import se.jobbtorg.coach.domain.TargetGroup;
import se.jobbtorg.coach.i18n.I18n;
import se.jobbtorg.coach.ui.MainWindow;

/**
 * The whole Jobbtorg process for one person, clicked and typed as a coach would: enrolment,
 * three mapping areas, a plan with two activities, approval, one attended and one missed
 * (reported) meeting, and an exit to work. Then the Today screen, for a second participant whose
 * plan is overdue, asks for a reason before anything else.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkflowWalkUiTest {
    private static final I18n SV = new I18n(Locale.forLanguageTag("sv-SE"));
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-24T09:30:00Z"), ZoneId.of("Europe/Stockholm"));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    static Path dir;

    private AppContext context;
    private Coach me;
    private Participant late;
    private Enrolment lateEnrolment;
    private Path printed;

    @Start
    void start(Stage stage) {
        context = AppContext.open(dir.resolve("walk-" + System.nanoTime() + ".db"), CLOCK, TestPassphrase.get());
        me = context.coaches().setCurrentCoach("Linnea Ek", "Jobbtorg Kista");
        late = context.caseload()
                .register(new ParticipantDraft(
                        PersonalIdentityNumber.of(LocalDate.of(1979, 6, 3), 212, false)
                                .display(),
                        "Dragan",
                        "Petrović",
                        null,
                        null,
                        null));
        lateEnrolment = context.caseload()
                .enrol(new EnrolmentDraft(
                        late.id(),
                        me.id(),
                        TODAY.minusDays(9),
                        "Försörjningsstöd Skärholmen",
                        "Katarina Sjöberg",
                        EnumSet.of(TargetGroup.UNEMPLOYED),
                        null,
                        false));
        printed = dir.resolve("plan-" + System.nanoTime() + ".pdf");
        Ui.showMain(
                stage,
                context,
                new MainWindow(
                        stage, context.ui(), SV, me, () -> {}, (owner, title, name, extension) -> printed.toFile()));
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aCoachCarriesAParticipantFromEnrolmentToExitAndGivesAReasonForALatePlan(FxRobot robot) throws Exception {
        // Enrolment: register, then the enrolment dialog follows.
        robot.clickOn("#navCaseload").clickOn("#registerButton");
        Ui.waitFor(() -> Ui.showing(robot, "#personalNumberField"));
        String number =
                PersonalIdentityNumber.of(LocalDate.of(1990, 9, 17), 388, false).display();
        robot.clickOn("#personalNumberField").write(number);
        robot.clickOn("#firstNameField").write("Amina");
        robot.clickOn("#lastNameField").write("Yilmaz");
        robot.clickOn("#saveRegistration");
        Ui.waitFor(() -> Ui.showing(robot, "#saveEnrolment"));
        robot.clickOn("#referringUnitField").write("Försörjningsstöd Rinkeby-Kista");
        robot.clickOn("#socialSecretaryField").write("Omar Farah");
        robot.clickOn("#targetGroup-sfi");
        robot.clickOn("#saveEnrolment");
        Ui.waitFor(() -> !Ui.showing(robot, "#saveEnrolment"));
        robot.clickOn("#caseloadSearch").write("yilm");
        Ui.waitFor(() -> Ui.rows(robot, "#caseloadTable") == 1);
        robot.clickOn("Yilmaz, Amina").type(KeyCode.ENTER);
        // The page opens on the enrolment at a glance: its status band and timeline.
        Ui.waitFor(() -> Ui.showing(robot, "#statusBand"));
        robot.clickOn("#workMapping");
        Ui.waitFor(() -> Ui.showing(robot, "#mappingAreas") && Ui.rows(robot, "#mappingAreas") == 8);

        // Mapping: three areas, each saved before the next is opened.
        int done = 0;
        for (String area :
                new String[] {"enum.MappingArea.EDUCATION", "enum.MappingArea.SWEDISH", "enum.MappingArea.WISHES"}) {
            // The area table is reloaded after each save: a click that lands while it is being
            // refilled selects nothing, so the coach clicks the (new) row again, as a person would.
            Ui.waitFor(() -> {
                if (!Ui.text(robot, "#mappingAreaTitle").equals(SV.get(area))) {
                    robot.clickOn((Node) robot.lookup("#mappingAreas .table-cell")
                            .match(NodeQueryUtils.hasText(SV.get(area)))
                            .query());
                    WaitForAsyncUtils.waitForFxEvents();
                }
                return Ui.text(robot, "#mappingAreaTitle").equals(SV.get(area));
            });
            Ui.choose(robot, "#mappingStatus", SV.get("enum.MappingStatus.DONE"));
            robot.clickOn("#mappingText").write("Samtal " + SV.get(area).toLowerCase(SV.locale()));
            robot.clickOn("#actor-af");
            robot.clickOn("#mappingSave");
            int settled = ++done;
            Ui.waitFor(() -> Ui.text(robot, "#mappingProgressText").equals(SV.get("mapping.progress", settled, 8)));
            // The save button has the focus back, and the page stays where the coach is working:
            // the next area is chosen from the list without scrolling back up to it.
            Ui.waitFor(() -> Ui.focused(robot, "#mappingSave"));
        }
        Ui.waitFor(() -> Ui.text(robot, "#mappingProgressText").equals(SV.get("mapping.progress", 3, 8)));
        Ui.shot(robot, "#mappingAreas", "work-mapping");

        // The plan: draw up, goal, two activities (one refused first: end before start), approval.
        robot.clickOn("#workPlan");
        robot.clickOn("#planDraft");
        Ui.waitFor(() -> Ui.text(robot, "#planStatus").equals(SV.get("plan.status.draft")));
        Ui.choose(robot, "#planGoal", SV.get("enum.PlanGoal.WORK"));
        robot.clickOn("#planWishes").write("Vill arbeta inom barnomsorg");
        robot.clickOn("#planSaveGoal");

        robot.clickOn("#planAddActivity");
        Ui.waitFor(() -> Ui.showing(robot, "#activityDialogOk"));
        Ui.choose(robot, "#activityKind", SV.get("enum.ActivityKind.WORK_TRAINING"));
        robot.clickOn("#activityProvider").write("Stadsmissionen");
        robot.clickOn("#activityEnd").write("2026-11-01");
        robot.clickOn("#activityDialogOk");
        Ui.waitFor(() -> Ui.showing(robot, "#activityEndProblem"));
        assertEquals(SV.get("activity.problem.endBeforeStart", TODAY), Ui.text(robot, "#activityEndProblem"));
        Ui.shot(robot, "#activityDialogOk", "activity-problem");
        robot.doubleClickOn("#activityEnd").push(KeyCode.CONTROL, KeyCode.A).write("2027-02-28");
        robot.clickOn("#activityDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#activityDialogOk") && Ui.rows(robot, "#planActivities") == 1);

        robot.clickOn("#planAddActivity");
        Ui.waitFor(() -> Ui.showing(robot, "#activityDialogOk"));
        Ui.choose(robot, "#activityKind", SV.get("enum.ActivityKind.SFI_WITH_PLACEMENT"));
        robot.clickOn("#activityProvider").write("Komvux Kista");
        robot.clickOn("#activityEnd").write("2027-05-31");
        robot.clickOn("#activityDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#activityDialogOk") && Ui.rows(robot, "#planActivities") == 2);

        robot.clickOn("#planApprove");
        Ui.waitFor(() -> Ui.showing(robot, "#approvalDialogOk"));
        Ui.shot(robot, "#approvalDialogOk", "approval");
        robot.clickOn("#approvalDialogOk");
        Ui.waitFor(() -> Ui.text(robot, "#planStatus").equals(SV.get("plan.status.approved", TODAY, "Omar Farah")));
        Ui.shot(robot, "#planActivities", "work-plan");
        robot.clickOn("#planPrint");
        Ui.waitFor(() -> Files.exists(printed) && Ui.showing(robot, ".dialog-pane"));
        robot.type(KeyCode.ENTER);
        try (var pdf = Loader.loadPDF(printed.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Aktivitetsplan för Amina Yilmaz") && text.contains("Stadsmissionen"), text);
        }

        // Follow-up: one attended, one missed and reported to social services.
        robot.clickOn("#workMeetings");
        robot.clickOn("#meetingRecord");
        Ui.waitFor(() -> Ui.showing(robot, "#meetingDialogOk"));
        robot.clickOn("#meetingNotes").write("Arbetsträningen har börjat bra");
        robot.clickOn("#followUp-work_training").write("Trivs, kommer i tid");
        robot.clickOn("#meetingDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#meetingDialogOk") && Ui.rows(robot, "#meetings") == 1);
        robot.clickOn("#meetingRecord");
        Ui.waitFor(() -> Ui.showing(robot, "#meetingDialogOk"));
        robot.doubleClickOn("#meetingTime").push(KeyCode.CONTROL, KeyCode.A).write("14:00");
        Ui.choose(robot, "#meetingOutcome", SV.get("enum.MeetingOutcome.NOT_ATTENDED"));
        robot.clickOn("#meetingReported").write("2026-11-24");
        robot.clickOn("#meetingDialogOk");
        Ui.waitFor(() -> !Ui.showing(robot, "#meetingDialogOk") && Ui.rows(robot, "#meetings") == 2);
        Ui.shot(robot, "#meetings", "work-meetings");

        // Exit to unsubsidised work; running activities end the same day.
        robot.clickOn("#workExit");
        Ui.choose(robot, "#exitReason", SV.get("enum.ExitReason.UNSUBSIDISED_WORK"));
        Ui.shot(robot, "#exitSave", "work-exit");
        robot.clickOn("#exitSave");
        Ui.waitFor(() -> Ui.showing(robot, SV.get("exit.confirm.yes")));
        robot.clickOn(SV.get("exit.confirm.yes"));
        Ui.waitFor(() -> Ui.showing(robot, "#exitDone"));
        assertEquals(SV.get("exit.done", TODAY, SV.of(ExitReason.UNSUBSIDISED_WORK)), Ui.text(robot, "#exitDone"));
        // The follow-up a month later cannot be recorded today; the screen says when it can.
        Ui.choose(robot, "#exitCheck", SV.of(ExitCheck.IN_WORK_OR_STUDIES));
        robot.clickOn("#exitCheckedOn").write("2026-11-24");
        robot.clickOn("#exitCheckSave");
        Ui.waitFor(() -> Ui.showing(robot, "#exitCheckedOnProblem"));
        assertEquals(
                SV.get("exit.problem.checkTooEarly", TODAY.plusMonths(1)), Ui.text(robot, "#exitCheckedOnProblem"));
        Ui.shot(robot, "#exitDone", "work-exit-done");

        Participant amina = context.caseload().caseload(null, "yilmaz").get(0).participant();
        Enrolment ended = context.caseload().enrolments(amina.id()).get(0);
        var work = context.workflow().work(ended.id());
        assertEquals(3, work.settledAreas());
        assertEquals(1, work.plans().size());
        assertTrue(work.plans().get(0).isApproved());
        assertEquals(2, work.activities().size());
        assertTrue(work.activities().stream().allMatch(a -> !a.lastDay().isAfter(TODAY)), "activities ended");
        assertEquals(MeetingOutcome.NOT_ATTENDED, work.meetings().get(1).outcome());
        assertEquals(TODAY, work.meetings().get(1).reportedOn());
        assertEquals(ExitReason.UNSUBSIDISED_WORK, ended.exitReason());
        assertEquals(
                List.of("Trivs, kommer i tid"),
                work.followUps().stream().map(f -> f.note()).toList());

        // Today: the second participant's plan is four days late; acting asks why first.
        // Beside it the reminders (the duty to take part not yet explained): narrowed to the plans.
        robot.clickOn("#navToday");
        Ui.waitFor(() -> Ui.showing(robot, "#todayTable") && Ui.rows(robot, "#todayTable") > 1);
        Ui.choose(robot, "#todayKind", SV.of(DeadlineKind.PLAN_DUE));
        Ui.waitFor(() -> Ui.showing(robot, "#todayTable") && Ui.rows(robot, "#todayTable") == 1);
        Ui.shot(robot, "#todayTable", "today");
        robot.clickOn("Petrović, Dragan").clickOn("#todayAct");
        Ui.waitFor(() -> Ui.showing(robot, "#reasonDialogOk"));
        robot.clickOn("#reasonDialogOk");
        Ui.waitFor(() -> Ui.showing(robot, "#todayReasonProblem"));
        assertEquals(SV.get("today.problem.reasonRequired"), Ui.text(robot, "#todayReasonProblem"));
        robot.clickOn("#todayReason").write("Aspiranten var sjuk första veckan");
        Ui.shot(robot, "#reasonDialogOk", "today-reason");
        robot.clickOn("#reasonDialogOk");
        Ui.waitFor(() -> Ui.showing(robot, "#planDraft")
                && robot.lookup("#participantName")
                        .match(NodeQueryUtils.isVisible())
                        .tryQuery()
                        .map(n -> ((Label) n).getText().equals("Dragan Petrović"))
                        .orElse(false));
        assertTrue(context.workflow().hasReason(lateEnrolment.id(), DeadlineKind.PLAN_DUE, TODAY.minusDays(4)));
    }
}

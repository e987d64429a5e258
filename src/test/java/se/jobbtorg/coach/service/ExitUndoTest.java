package se.jobbtorg.coach.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.domain.Activity;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.ActivityPlan;
import se.jobbtorg.coach.domain.Enrolment;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.domain.PlanGoal;
import se.jobbtorg.coach.store.IndicatorFactsTest;

/**
 * An exit, or the check a month after it, entered in error is undone with a reason (issue 11):
 * the enrolment is open again on this laptop and on every laptop that hears of it, whatever else
 * they had, and the history keeps what was undone and why.
 */
class ExitUndoTest extends SyncFixture {

    private static final LocalDate ENROLLED = TODAY.minusMonths(3);

    private Enrolment enrolled(Device d, int serial) {
        return d.enrol(d.register("Amina", "Exempelsson", number(serial)).id(), ENROLLED);
    }

    /** An approved plan with one activity running to a month from now. */
    private static Activity running(Device d, Enrolment e) {
        ActivityPlan draft = d.workflow.draft(e.id(), false);
        d.workflow.describe(draft.id(), PlanGoal.WORK, "Vill arbeta inom vården");
        Activity a = d.workflow.addActivity(
                draft.id(),
                new ActivityDraft(
                        ActivityKind.WORK_TRAINING,
                        null,
                        "Stadsmissionen",
                        null,
                        ENROLLED.plusDays(5),
                        TODAY.plusMonths(1)));
        d.workflow.approve(draft.id(), "Omar Farah", ENROLLED.plusDays(3));
        return a;
    }

    private static void exit(Device d, Enrolment e, LocalDate on) {
        d.workflow.exit(new ExitDraft(e.id(), on, ExitReason.UNSUBSIDISED_WORK, null));
    }

    private static Enrolment reread(Device d, Enrolment e) {
        return d.caseload.enrolments(e.participantId()).stream()
                .filter(o -> o.id().equals(e.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anUndoneExitReopensTheEnrolmentAndGivesTheActivitiesTheirEndBack() {
        Device a = new Device("a", 0);
        Enrolment e = enrolled(a, 1);
        Activity activity = running(a, e);
        LocalDate exited = TODAY.minusDays(2);
        exit(a, e, exited);
        assertEquals(exited, a.workflow.work(e.id()).activities().get(0).endedOn(), "the exit ended it");

        EntryVoid undone = a.workflow.undoExit(e.id(), "  Fel aspirant avslutades  ", a.coach.id());

        Enrolment after = reread(a, e);
        assertTrue(after.isOpen(), "open again");
        assertNull(after.exitReason());
        var work = a.workflow.work(e.id());
        assertEquals(List.of(activity), work.activities(), "the activity runs to its planned end again");
        assertNull(work.exitNote());
        assertEquals(List.of(undone), work.undone(), "the history keeps the undone exit");
        assertEquals(EntryVoid.Kind.EXIT, undone.kind());
        assertEquals(exited, undone.undoneDate());
        assertEquals("Fel aspirant avslutades", undone.reason());
        assertTrue(work.voids().isEmpty(), "no entry of the work is struck through by it");
        // Open again means the work goes on: a meeting can be added, and the exit made anew.
        exit(a, e, TODAY);
        assertEquals(TODAY, reread(a, e).exitedOn());
    }

    @Test
    void onlyTheActivitiesTheExitEndedAreGivenBackTheirEnd() {
        Device a = new Device("a", 0);
        Enrolment e = enrolled(a, 1);
        ActivityPlan draft = a.workflow.draft(e.id(), false);
        a.workflow.describe(draft.id(), PlanGoal.WORK, "Vill arbeta inom vården");
        Activity over = a.workflow.addActivity(
                draft.id(),
                new ActivityDraft(
                        ActivityKind.SFI_WITH_PLACEMENT,
                        null,
                        "Komvux",
                        null,
                        ENROLLED.plusDays(5),
                        TODAY.minusDays(30)));
        Activity runs = a.workflow.addActivity(
                draft.id(),
                new ActivityDraft(
                        ActivityKind.WORK_TRAINING,
                        null,
                        "Stadsmissionen",
                        null,
                        TODAY.minusDays(29),
                        TODAY.plusDays(60)));
        a.workflow.approve(draft.id(), "Omar Farah", ENROLLED.plusDays(3));
        // The exit on the day the first one ends changes nothing of it, and ends the second.
        exit(a, e, TODAY.minusDays(30));
        assertEquals(
                List.of(over, runs.endedOn(TODAY.minusDays(30))),
                a.workflow.work(e.id()).activities());

        a.workflow.undoExit(e.id(), "Fel datum", a.coach.id());

        assertEquals(List.of(over, runs), a.workflow.work(e.id()).activities());
    }

    @Test
    void theUndoIsRefusedWithoutAReasonForAnOpenEnrolmentAndAfterANewEnrolment() {
        Device a = new Device("a", 0);
        Enrolment e = enrolled(a, 1);
        String before = a.checksum();
        assertEquals(
                "void.problem.reason",
                assertThrows(ValidationException.class, () -> a.workflow.undoExit(e.id(), " ", a.coach.id()))
                        .problems()
                        .get(0)
                        .messageKey());
        assertEquals(
                "exit.problem.notExited",
                assertThrows(ValidationException.class, () -> a.workflow.undoExit(e.id(), "Fel", a.coach.id()))
                        .problems()
                        .get(0)
                        .messageKey());
        assertEquals(before, a.checksum(), "nothing changed");

        exit(a, e, TODAY.minusDays(5));
        Enrolment again = a.enrol(e.participantId(), TODAY.minusDays(1));
        String reenrolled = a.checksum();
        assertEquals(
                "exit.problem.enrolledAgain",
                assertThrows(ValidationException.class, () -> a.workflow.undoExit(e.id(), "Fel", a.coach.id()))
                        .problems()
                        .get(0)
                        .messageKey(),
                "two enrolments at once would follow");
        assertEquals(reenrolled, a.checksum());
        assertTrue(reread(a, again).isOpen());
    }

    @Test
    void anUndoneCheckIsToBeMadeAgainAndTheExitStays() {
        Device a = new Device("a", 0);
        Enrolment e = enrolled(a, 1);
        LocalDate exited = TODAY.minusMonths(2);
        exit(a, e, exited);
        a.workflow.checkExit(e.id(), ExitCheck.IN_WORK_OR_STUDIES, TODAY.minusDays(3));
        assertThrows(ValidationException.class, () -> a.workflow.undoExitCheck(e.id(), "", a.coach.id()));

        EntryVoid undone = a.workflow.undoExitCheck(e.id(), "Kontrollen gällde en annan person", a.coach.id());

        var work = a.workflow.work(e.id());
        assertNull(work.exitCheck());
        assertNull(work.exitCheckedOn());
        assertEquals(exited, reread(a, e).exitedOn(), "the exit itself stays");
        assertEquals(TODAY.minusDays(3), undone.undoneDate());
        assertEquals(List.of(undone), work.undone());
        assertEquals(
                "exit.problem.noCheck",
                assertThrows(ValidationException.class, () -> a.workflow.undoExitCheck(e.id(), "Igen", a.coach.id()))
                        .problems()
                        .get(0)
                        .messageKey());
        a.workflow.checkExit(e.id(), ExitCheck.NOT_IN_WORK_OR_STUDIES, TODAY);
        assertEquals(ExitCheck.NOT_IN_WORK_OR_STUDIES, a.workflow.work(e.id()).exitCheck(), "made again");
    }

    /**
     * The exit fields are sticky: an edit from a laptop that never saw the exit does not reopen
     * it. The undo has seen it, so it reopens the enrolment on every laptop, in whichever order
     * the packages come, and its reason travels with it.
     */
    @Test
    void anUndoneExitReopensTheEnrolmentOnEveryLaptopInAnyOrder() throws IOException {
        Device a = new Device("a", 0);
        Device b = new Device("b", 3);
        Device c = new Device("c", 7);
        Enrolment e = enrolled(a, 1);
        running(a, e);
        exchange(a, b);
        exchange(a, c);
        exit(a, e, TODAY.minusDays(1));
        var withExit = a.exportSnapshot();
        b.importFrom(withExit);
        UUID coach = b.coach.id();
        b.workflow.undoExit(e.id(), "Avslutet gjordes på fel person", coach);
        var withUndo = b.exportSnapshot();

        // c hears of the undo before the exit, then of the exit again: still open.
        c.importFrom(withUndo);
        c.importFrom(withExit);
        a.importFrom(withUndo);

        for (Device d : List.of(a, b, c)) {
            assertTrue(reread(d, e).isOpen(), d.sync.deviceId() + " has it open");
            var undone = d.workflow.work(e.id()).undone();
            assertEquals(1, undone.size());
            assertEquals("Avslutet gjordes på fel person", undone.get(0).reason());
            assertEquals(coach, undone.get(0).coachId());
            assertEquals(List.of(), IndicatorFactsTest.factsAmiss(d.db), "the indicators count no exit");
        }
        assertEquals(a.checksum(), b.checksum());
        assertEquals(a.checksum(), c.checksum());
    }
}

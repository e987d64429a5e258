package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.EN;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.TODAY;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.ExitCheck;
import se.jobbtorg.coach.domain.ExitDraft;
import se.jobbtorg.coach.domain.ExitReason;
import se.jobbtorg.coach.service.WorkflowService;

/** The exit and the check a month after it, without a window. */
class ExitViewModelTest {
    @TempDir
    Path dir;

    WorkFixture fx;
    ExitViewModel form;

    @BeforeEach
    void open() {
        fx = new WorkFixture(dir);
        form = fx.model.exit;
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void anUnknownReasonNeedsANoteAndTheExitEndsTheEnrolment() {
        assertEquals(TODAY, form.date.get(), "an exit is dated today unless said otherwise");
        assertFalse(fx.model.hasUnsavedWork(), "the default date is nothing typed");
        form.reason.set(ExitReason.UNKNOWN);
        assertTrue(form.unknownReason.get());
        assertFalse(form.check());
        assertEquals(
                EN.get("exit.problem.unknownNeedsNote"),
                form.problems.of(ExitDraft.FIELD_NOTE).get());
        form.date.set(TODAY.minusMonths(2));
        assertFalse(form.check());
        assertEquals(
                EN.get("exit.problem.beforeEnrolment", fx.enrolment.enrolledOn()),
                form.problems.of(ExitDraft.FIELD_DATE).get());

        form.date.set(TODAY);
        form.note.set("Ringt tre gånger och skrivit brev, inget svar");
        assertTrue(form.check());
        form.save();

        var ended = fx.model.workProperty().get().enrolment();
        assertFalse(ended.isOpen());
        assertEquals(ExitReason.UNKNOWN, ended.exitReason());
        assertFalse(fx.model.hasUnsavedWork());
    }

    @Test
    void aFailingStoreKeepsTheNoteAndSaysWhatHappened() {
        form.reason.set(ExitReason.MOVED);
        form.note.set("Flyttar till Göteborg");
        fx.breakTheStore();
        form.save();
        assertEquals(EN.get("error.store"), form.problems.errorProperty().get());
        assertEquals("Flyttar till Göteborg", form.note.get());
        assertTrue(fx.model.hasUnsavedWork());
    }

    @Test
    void theCheckAfterTheExitWaitsAMonthThenIsStored() {
        form.reason.set(ExitReason.UNSUBSIDISED_WORK);
        form.save();
        ExitCheckViewModel check = fx.model.exitCheck;
        assertNull(check.checkedOn.get(), "no date is suggested before a month has passed");
        check.check.set(ExitCheck.IN_WORK_OR_STUDIES);
        check.checkedOn.set(TODAY);
        check.save();
        assertEquals(
                EN.get("exit.problem.checkTooEarly", TODAY.plusMonths(1)),
                check.problems.of(WorkflowService.FIELD_CHECKED_ON).get());
        assertTrue(check.dirty.isDirty());

        fx.clock.advance(Duration.ofDays(32));
        check.checkedOn.set(TODAY.plusDays(32));
        check.save();
        assertEquals(ExitCheck.IN_WORK_OR_STUDIES, fx.stored().exitCheck());
        assertEquals(TODAY.plusDays(32), fx.model.workProperty().get().exitCheckedOn());
        assertFalse(fx.model.hasUnsavedWork());
    }
}

package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.EN;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.TODAY;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.EntryVoid;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingOutcome;

/** "Makulera…" without a window: a reason is required, the entry stays in the history and leaves the list. */
class VoidViewModelTest {
    @TempDir
    Path dir;

    WorkFixture fx;
    Meeting planned;

    @BeforeEach
    void open() {
        fx = new WorkFixture(dir);
        MeetingViewModel plan = fx.model.newMeeting(null, MeetingOutcome.PLANNED);
        plan.date.set(TODAY.plusDays(3));
        List<Meeting> saved = new ArrayList<>();
        plan.save(saved::add);
        planned = saved.get(0);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aReasonIsRequiredAndTheVoidedMeetingLeavesTheListButNotTheHistory() {
        VoidViewModel form = fx.model.newVoid(EntryVoid.Kind.MEETING, planned.id());
        List<EntryVoid> made = new ArrayList<>();
        form.save(made::add);
        assertEquals(
                EN.get("void.problem.reason"),
                form.problems.of(EntryVoid.FIELD_REASON).get());
        assertEquals(List.of(), made);
        assertEquals(List.of(planned), fx.model.workProperty().get().meetings(), "nothing voided");

        form.reason.set("Bokat på fel deltagare");
        assertTrue(fx.model.hasUnsavedWork(), "a typed reason is not lost without asking");
        form.save(made::add);

        assertEquals(1, made.size());
        var page = fx.model.pageProperty().get();
        assertEquals(List.of(), page.meetings(), "it counts nowhere");
        assertEquals(List.of(planned), page.meetingHistory(), "it stays in the history");
        assertEquals(
                "Bokat på fel deltagare",
                page.voidOf(planned.id()).orElseThrow().reason());
        assertFalse(fx.model.hasUnsavedWork());
        assertEquals(
                List.of(new WorkViewModel.MeetingToClose(null)),
                fx.model.meetingsToClose(),
                "a voided planned meeting is not offered to close");
    }
}

package se.jobbtorg.coach.ui.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.EN;
import static se.jobbtorg.coach.ui.workflow.WorkFixture.TODAY;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.jobbtorg.coach.domain.ActivityDraft;
import se.jobbtorg.coach.domain.ActivityKind;
import se.jobbtorg.coach.domain.Meeting;
import se.jobbtorg.coach.domain.MeetingDraft;
import se.jobbtorg.coach.domain.MeetingOutcome;

/** The meeting form without a window: time and dates checked, follow-ups, a correction. */
class MeetingViewModelTest {
    @TempDir
    Path dir;

    WorkFixture fx;

    @BeforeEach
    void open() {
        fx = new WorkFixture(dir);
        var plan = fx.workflow.draft(fx.enrolment.id(), false);
        fx.workflow.addActivity(
                plan.id(),
                new ActivityDraft(
                        ActivityKind.WORK_TRAINING,
                        null,
                        "Stadsmissionen",
                        null,
                        TODAY.minusDays(3),
                        TODAY.plusMonths(3)));
        fx.model.load();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aHeldMeetingIsRecordedWithTheFollowUpOfEachRunningActivity() {
        MeetingViewModel form = fx.model.newMeeting(null, MeetingOutcome.ATTENDED);
        assertEquals(1, form.followUps.size(), "one line per running activity");
        form.time.set("9:30");
        form.notes.set("Arbetsträningen har börjat bra");
        form.followUps.get(0).note().set("Trivs, kommer i tid");
        assertTrue(fx.model.hasUnsavedWork());
        List<Meeting> saved = new ArrayList<>();

        form.save(saved::add);

        assertEquals(1, saved.size());
        assertEquals(LocalDateTime.of(TODAY, LocalTime.of(9, 30)), saved.get(0).at());
        assertEquals(List.of(saved.get(0)), fx.model.workProperty().get().meetings(), "the list shows it");
        assertEquals(
                List.of("Trivs, kommer i tid"),
                fx.stored().followUps().stream().map(f -> f.note()).toList());
        assertFalse(fx.model.hasUnsavedWork());
    }

    @Test
    void eachProblemShowsNextToItsFieldAndNothingIsRecorded() {
        MeetingViewModel form = fx.model.newMeeting(null, MeetingOutcome.PLANNED);
        List<Meeting> saved = new ArrayList<>();
        form.time.set("halv tio");
        form.save(saved::add);
        assertEquals(
                EN.get("meeting.problem.time"),
                form.problems.of(MeetingViewModel.FIELD_TIME).get());

        form.time.set("09:30");
        form.date.set(TODAY.minusDays(2));
        form.save(saved::add);
        assertEquals(
                EN.get("meeting.problem.plannedInPast"),
                form.problems.of(MeetingDraft.FIELD_AT).get());
        assertEquals("", form.problems.of(MeetingViewModel.FIELD_TIME).get(), "a corrected field is clear");

        form.outcome.set(MeetingOutcome.NOT_ATTENDED);
        assertTrue(form.reportAsked.get());
        form.reportedUnreadable.set(true);
        form.save(saved::add);
        assertEquals(
                EN.get("validation.date"),
                form.problems.of(MeetingDraft.FIELD_REPORTED).get());
        assertEquals(List.of(), saved);
        assertEquals(List.of(), fx.stored().meetings());
    }

    @Test
    void recordingWhatHappenedAtAPlannedMeetingStartsFromItAndSupersedesIt() {
        MeetingViewModel plan = fx.model.newMeeting(null, MeetingOutcome.PLANNED);
        plan.time.set("14:00");
        plan.notes.set("Genomgång av planen");
        List<Meeting> saved = new ArrayList<>();
        plan.save(saved::add);

        MeetingViewModel held = fx.model.newMeeting(saved.get(0), MeetingOutcome.NOT_ATTENDED);
        assertEquals("14:00", held.time.get());
        assertEquals("Genomgång av planen", held.notes.get());
        assertFalse(fx.model.hasUnsavedWork(), "what the entry already says is nothing typed");
        held.reportedOn.set(TODAY);
        held.save(saved::add);

        assertEquals(
                List.of(MeetingOutcome.NOT_ATTENDED),
                fx.model.workProperty().get().meetings().stream()
                        .map(Meeting::outcome)
                        .toList());
        assertEquals(2, fx.model.workProperty().get().meetingHistory().size());
    }

    @Test
    void anOutcomeWithNoEntryChosenOffersTheOpenPlannedMeetingsAndClosesTheOneChosen() {
        List<Meeting> saved = new ArrayList<>();
        for (var on : List.of(TODAY.plusDays(7), TODAY)) {
            MeetingViewModel plan = fx.model.newMeeting(null, MeetingOutcome.PLANNED);
            plan.date.set(on);
            plan.time.set("14:00");
            plan.save(saved::add);
        }
        MeetingViewModel held = fx.model.newMeeting(saved.get(1), MeetingOutcome.ATTENDED);
        held.save(saved::add);
        MeetingViewModel later = fx.model.newMeeting(null, MeetingOutcome.PLANNED);
        later.date.set(TODAY.plusDays(14));
        later.save(saved::add);
        Meeting nextWeek = saved.get(0);
        Meeting inTwoWeeks = saved.get(3);

        var choices = fx.model.meetingsToClose();

        assertEquals(
                List.of(
                        new WorkViewModel.MeetingToClose(nextWeek),
                        new WorkViewModel.MeetingToClose(inTwoWeeks),
                        new WorkViewModel.MeetingToClose(null)),
                choices,
                "the open planned meetings, earliest first, then one not planned; a held one is not offered");
        assertEquals(new WorkViewModel.MeetingToClose(nextWeek), fx.model.likelyMeetingToClose(choices));

        MeetingViewModel outcome = fx.model.newOutcome(choices.get(0));
        assertEquals(TODAY, outcome.date.get(), "held early: an outcome is not dated ahead");
        assertEquals("14:00", outcome.time.get());
        outcome.notes.set("Kom en vecka tidigare");
        outcome.save(saved::add);

        var meetings = fx.model.workProperty().get().meetings();
        assertEquals(
                List.of(MeetingOutcome.ATTENDED, MeetingOutcome.ATTENDED, MeetingOutcome.PLANNED),
                meetings.stream().map(Meeting::outcome).toList(),
                "the planned meeting closed, no second record beside it");
        assertEquals(nextWeek.id(), saved.get(4).supersedes());
        assertEquals(
                List.of(new WorkViewModel.MeetingToClose(inTwoWeeks), new WorkViewModel.MeetingToClose(null)),
                fx.model.meetingsToClose());
    }

    @Test
    void anOutcomeNotPlannedStandsAlone() {
        var choices = fx.model.meetingsToClose();
        assertEquals(List.of(new WorkViewModel.MeetingToClose(null)), choices, "nothing planned, nothing to close");
        MeetingViewModel outcome = fx.model.newOutcome(fx.model.likelyMeetingToClose(choices));
        List<Meeting> saved = new ArrayList<>();
        outcome.save(saved::add);
        assertEquals(MeetingOutcome.ATTENDED, saved.get(0).outcome());
        assertEquals(null, saved.get(0).supersedes());
    }

    @Test
    void aFailingStoreKeepsTheNotesAndSaysWhatHappened() {
        MeetingViewModel form = fx.model.newMeeting(null, MeetingOutcome.ATTENDED);
        form.notes.set("Långt samtal om målen");
        fx.breakTheStore();
        List<Meeting> saved = new ArrayList<>();
        form.save(saved::add);
        assertEquals(List.of(), saved);
        assertEquals(EN.get("error.store"), form.problems.errorProperty().get());
        assertEquals("Långt samtal om målen", form.notes.get());
        assertTrue(fx.model.hasUnsavedWork());
    }
}

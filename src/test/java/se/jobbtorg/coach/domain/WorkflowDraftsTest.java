package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.jobbtorg.coach.TestDrafts;

/** Bad input gets a message per field and saves nothing: the rules behind the forms. */
class WorkflowDraftsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::messageKey).toList();
    }

    @Test
    void anActivityNeedsAProviderAStartAndAnEnd() {
        assertEquals(
                List.of("validation.required", "validation.required", "validation.required", "activity.problem.noEnd"),
                keys(new ActivityDraft(null, null, " ", null, null, null).problems()));
        assertEquals(
                List.of("activity.problem.otherText"),
                keys(new ActivityDraft(ActivityKind.OTHER, "", "Arbetsgivare AB", null, TODAY, TODAY).problems()));
        assertEquals(
                List.of(Problem.of(ActivityDraft.FIELD_END, "activity.problem.endBeforeStart", TODAY)),
                new ActivityDraft(ActivityKind.COACHING, null, "Jobbtorg", null, TODAY, TODAY.minusDays(1)).problems());
        assertEquals(
                List.of(), new ActivityDraft(ActivityKind.COACHING, null, "Jobbtorg", null, TODAY, TODAY).problems());
    }

    @Test
    void anUnknownExitNeedsANoteOnWhatWasTried() {
        Enrolment open = new Enrolment(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                LocalDate.of(2026, 5, 4),
                "unit",
                null,
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false,
                null,
                null);
        assertEquals(
                List.of("exit.problem.unknownNeedsNote"),
                keys(new ExitDraft(open.id(), TODAY, ExitReason.UNKNOWN, " ").problems(open, TODAY)));
        assertEquals(
                List.of(),
                new ExitDraft(open.id(), TODAY, ExitReason.UNKNOWN, "Ringt tre gånger, brev skickat")
                        .problems(open, TODAY));
        assertEquals(
                List.of("exit.problem.beforeEnrolment", "validation.required"),
                keys(new ExitDraft(open.id(), LocalDate.of(2026, 5, 3), null, null).problems(open, TODAY)));
        assertEquals(
                List.of("validation.notInFuture"),
                keys(new ExitDraft(open.id(), TODAY.plusDays(1), ExitReason.MOVED, null).problems(open, TODAY)));
        assertEquals(
                List.of(),
                new ExitDraft(open.id(), open.enrolledOn(), ExitReason.MOVED, null).problems(open, TODAY),
                "an exit on the day of enrolment is allowed");
    }

    @Test
    void onlyAMissedMeetingIsReportedAndNothingIsRecordedAhead() {
        var missed = new MeetingDraft(
                UUID.randomUUID(),
                null,
                TODAY.atTime(9, 0),
                MeetingKind.PHONE,
                null,
                MeetingOutcome.NOT_ATTENDED,
                null,
                false,
                null,
                null,
                null,
                TODAY);
        assertEquals(List.of(), missed.problems(TODAY));
        var attendedButReported = new MeetingDraft(
                UUID.randomUUID(),
                null,
                TODAY.atTime(9, 0),
                MeetingKind.DESK,
                null,
                MeetingOutcome.ATTENDED,
                null,
                false,
                null,
                null,
                null,
                TODAY);
        assertEquals(List.of("meeting.problem.reportOnlyAbsence"), keys(attendedButReported.problems(TODAY)));
        var attendedTomorrow = TestDrafts.meeting(
                UUID.randomUUID(), TODAY.plusDays(1).atTime(9, 0), MeetingKind.DESK, MeetingOutcome.ATTENDED);
        assertEquals(List.of("meeting.problem.recordedInFuture"), keys(attendedTomorrow.problems(TODAY)));
        var plannedTomorrow = new MeetingDraft(
                UUID.randomUUID(),
                null,
                TODAY.plusDays(1).atTime(9, 0),
                MeetingKind.HOME_VISIT,
                null,
                MeetingOutcome.PLANNED,
                null,
                true,
                null,
                null,
                null,
                null);
        assertEquals(List.of(), plannedTomorrow.problems(TODAY));
    }

    @Test
    void aContactAttemptIsAnEntryOfItsOwnAndNotAFollowUp() {
        var attempt = new MeetingDraft(
                UUID.randomUUID(),
                null,
                TODAY.atTime(13, 0),
                MeetingKind.PHONE,
                null,
                MeetingOutcome.NOT_REACHED,
                null,
                false,
                "Ringt två gånger",
                null,
                null,
                null);
        assertEquals(List.of(), attempt.problems(TODAY));
        var activities = List.of(new Activity(
                UUID.randomUUID(),
                UUID.randomUUID(),
                ActivityKind.COACHING,
                null,
                "Jobbtorg",
                null,
                TODAY.minusDays(40),
                TODAY.plusDays(40),
                null));
        assertEquals(
                TODAY.minusDays(10),
                DeadlineRules.followUpDue(activities, List.of(attempt.toMeeting(UUID.randomUUID())), TODAY),
                "trying to reach someone is not following up");
    }
}

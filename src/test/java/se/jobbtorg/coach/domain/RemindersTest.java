package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.jobbtorg.coach.domain.DeadlineRulesTest.ENROLMENT;
import static se.jobbtorg.coach.domain.DeadlineRulesTest.activity;
import static se.jobbtorg.coach.domain.DeadlineRulesTest.enrolled;
import static se.jobbtorg.coach.domain.DeadlineRulesTest.meeting;
import static se.jobbtorg.coach.domain.DeadlineRulesTest.plan;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reminders of work the rules require, each from the day it applies, with its date. */
class RemindersTest {
    private static final LocalDate ENROLLED = LocalDate.of(2026, 10, 1);

    private static Meeting dutyExplained(LocalDate on) {
        Meeting m = meeting(on, MeetingOutcome.ATTENDED);
        return new Meeting(
                m.id(), m.enrolmentId(), null, m.at(), m.kind(), null, m.outcome(), null, false, null, null, on, null);
    }

    private static Enrolment exited(LocalDate on) {
        return new Enrolment(
                ENROLMENT,
                UUID.randomUUID(),
                null,
                LocalDate.of(2026, 3, 2),
                "Försörjningsstöd Farsta",
                null,
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false,
                on,
                ExitReason.STUDIES);
    }

    @Test
    void theDutyToTakePartIsDueWithThePlanUntilAMeetingRecordsItExplained() {
        Enrolment e = enrolled(ENROLLED);
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.DUTY_NOT_EXPLAINED, LocalDate.of(2026, 10, 6), false)),
                Reminders.of(e, List.of(), List.of(), List.of(), false, ENROLLED));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.DUTY_NOT_EXPLAINED, LocalDate.of(2026, 10, 6), true)),
                Reminders.of(
                        e,
                        List.of(),
                        List.of(),
                        List.of(meeting(LocalDate.of(2026, 10, 2), MeetingOutcome.ATTENDED)),
                        false,
                        LocalDate.of(2026, 10, 7)),
                "a meeting that did not record it does not count");
        assertEquals(
                List.of(),
                Reminders.of(
                        e, List.of(), List.of(), List.of(dutyExplained(LocalDate.of(2026, 10, 2))), false, ENROLLED));
    }

    @Test
    void aPlannedMeetingWhoseDayHasPassedWithoutAnOutcomeIsLateFromTheDayAfter() {
        Enrolment e = enrolled(ENROLLED);
        var explained = dutyExplained(LocalDate.of(2026, 10, 2));
        var planned = meeting(LocalDate.of(2026, 10, 20), MeetingOutcome.PLANNED);
        assertEquals(
                List.of(),
                Reminders.of(e, List.of(), List.of(), List.of(explained, planned), false, LocalDate.of(2026, 10, 20)),
                "on its day it is today's meeting, not a late one");
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.MEETING_WITHOUT_OUTCOME, LocalDate.of(2026, 10, 20), true)),
                Reminders.of(e, List.of(), List.of(), List.of(explained, planned), false, LocalDate.of(2026, 10, 23)));
    }

    @Test
    void withAPlanAndNothingRunningTheEnrolmentIsIdleAfterTwoWeeksOfNoChange() {
        Enrolment e = enrolled(ENROLLED);
        var explained = List.of(dutyExplained(LocalDate.of(2026, 10, 2)));
        var plans = List.of(plan(1, LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 5)));
        var ended = List.of(activity(LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 31)));
        assertEquals(List.of(), Reminders.of(e, plans, ended, explained, false, LocalDate.of(2026, 10, 31)), "it runs");
        assertEquals(
                List.of(),
                Reminders.of(e, plans, ended, explained, false, LocalDate.of(2026, 11, 13)),
                "13 days after its end");
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.NO_ACTIVITY, LocalDate.of(2026, 11, 14), false)),
                Reminders.of(e, plans, ended, explained, false, LocalDate.of(2026, 11, 14)));
        var changed = List.of(plans.get(0), plan(2, LocalDate.of(2026, 11, 10), null));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.NO_ACTIVITY, LocalDate.of(2026, 11, 24), true)),
                Reminders.of(e, changed, ended, explained, false, LocalDate.of(2026, 11, 30)),
                "a new version drawn up is a change of the plan: two weeks from it");
        assertEquals(
                List.of(),
                Reminders.of(e, List.of(), List.of(), explained, false, LocalDate.of(2026, 12, 30)),
                "without any plan the plan's own deadline says it");
    }

    @Test
    void theCheckAfterAnExitIsDueAMonthAfterItUntilMadeOrThreeMonthsHavePassed() {
        Enrolment e = exited(LocalDate.of(2026, 8, 31));
        assertEquals(List.of(), Reminders.of(e, List.of(), List.of(), List.of(), false, LocalDate.of(2026, 9, 29)));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.EXIT_CHECK_DUE, LocalDate.of(2026, 9, 30), false)),
                Reminders.of(e, List.of(), List.of(), List.of(), false, LocalDate.of(2026, 9, 30)),
                "a month after the 31st is the month's last day, as the exit tab says");
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.EXIT_CHECK_DUE, LocalDate.of(2026, 9, 30), true)),
                Reminders.of(e, List.of(), List.of(), List.of(), false, LocalDate.of(2026, 11, 30)));
        assertEquals(
                List.of(), Reminders.of(e, List.of(), List.of(), List.of(), true, LocalDate.of(2026, 10, 5)), "made");
        assertEquals(
                List.of(),
                Reminders.of(e, List.of(), List.of(), List.of(), false, LocalDate.of(2026, 12, 1)),
                "three months after the exit it is no longer asked for");
    }

    @Test
    void aReminderNeverAsksForAReasonAndIsNotACodeOfTheStoredList() {
        for (DeadlineKind kind : List.of(
                DeadlineKind.EXIT_CHECK_DUE,
                DeadlineKind.NOT_ENROLLED,
                DeadlineKind.NO_ACTIVITY,
                DeadlineKind.DUTY_NOT_EXPLAINED,
                DeadlineKind.MEETING_WITHOUT_OUTCOME)) {
            assertEquals(false, kind.asksReason(), kind.name());
            assertEquals(false, kind.stored(), kind.name());
        }
        assertEquals(true, DeadlineKind.PLAN_DUE.asksReason());
    }
}

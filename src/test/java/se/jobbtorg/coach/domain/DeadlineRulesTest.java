package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineRulesTest {
    static final UUID ENROLMENT = UUID.randomUUID();

    static Enrolment enrolled(LocalDate on) {
        return new Enrolment(
                ENROLMENT,
                UUID.randomUUID(),
                null,
                on,
                "Försörjningsstöd Farsta",
                null,
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false,
                null,
                null);
    }

    static ActivityPlan plan(int version, LocalDate drawnUp, LocalDate approved) {
        return new ActivityPlan(
                UUID.randomUUID(),
                ENROLMENT,
                version,
                PlanGoal.WORK,
                null,
                drawnUp,
                approved,
                approved == null ? null : "Omar Farah",
                version > 1);
    }

    static Activity activity(LocalDate start, LocalDate end) {
        return new Activity(
                UUID.randomUUID(),
                UUID.randomUUID(),
                ActivityKind.WORK_TRAINING,
                null,
                "Stadsmissionen",
                null,
                start,
                end,
                null);
    }

    static Meeting meeting(LocalDate on, MeetingOutcome outcome) {
        return new Meeting(
                UUID.randomUUID(),
                ENROLMENT,
                null,
                on.atTime(10, 0),
                MeetingKind.DESK,
                null,
                outcome,
                null,
                false,
                null,
                null,
                null,
                null);
    }

    static List<DeadlineKind> kinds(List<Due> due) {
        return due.stream().map(Due::kind).toList();
    }

    @ParameterizedTest(name = "enrolled {0}: plan due {1}")
    @CsvSource({
        "2026-11-24, 2026-11-29",
        "2026-11-28, 2026-12-03",
        "2026-12-29, 2027-01-03",
        "2024-02-26, 2024-03-02",
        "2023-02-26, 2023-03-03",
    })
    void thePlanIsDueFiveCalendarDaysAfterEnrolment(LocalDate enrolled, LocalDate due) {
        assertEquals(due, DeadlineRules.planDue(enrolled));
    }

    @ParameterizedTest(name = "approved {0}: review {1}")
    @CsvSource({
        "2026-05-15, 2026-11-15",
        "2026-08-31, 2027-02-28",
        "2027-08-31, 2028-02-29",
        "2026-03-31, 2026-09-30",
        "2024-02-29, 2024-08-29",
    })
    void theReviewIsDueSixCalendarMonthsAfterApproval(LocalDate approved, LocalDate review) {
        assertEquals(review, DeadlineRules.reviewDue(approved));
    }

    @ParameterizedTest(name = "enrolled {0}: limit {1}")
    @CsvSource({
        "2026-01-15, 2027-07-15",
        "2024-02-29, 2025-08-29",
        "2025-08-31, 2027-02-28",
        "2026-08-31, 2028-02-29",
    })
    void theLimitIsEighteenCalendarMonthsAfterEnrolment(LocalDate enrolled, LocalDate limit) {
        assertEquals(limit, DeadlineRules.limit(enrolled));
    }

    @Test
    void withoutAPlanItIsDueThenOverdueTheDayAfter() {
        Enrolment e = enrolled(LocalDate.of(2026, 11, 24));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.PLAN_DUE, LocalDate.of(2026, 11, 29), false)),
                DeadlineRules.due(e, List.of(), List.of(), List.of(), LocalDate.of(2026, 11, 29)));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.PLAN_DUE, LocalDate.of(2026, 11, 29), true)),
                DeadlineRules.due(e, List.of(), List.of(), List.of(), LocalDate.of(2026, 11, 30)));
    }

    @Test
    void aDraftAwaitsApprovalByTheSameFiveDays() {
        Enrolment e = enrolled(LocalDate.of(2026, 11, 2));
        var due = DeadlineRules.due(
                e, List.of(plan(1, LocalDate.of(2026, 11, 4), null)), List.of(), List.of(), LocalDate.of(2026, 11, 9));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.PLAN_AWAITING_APPROVAL, LocalDate.of(2026, 11, 7), true)), due);
    }

    @Test
    void anApprovedPlanShowsItsReviewTwoWeeksAheadAndAfter() {
        Enrolment e = enrolled(LocalDate.of(2026, 2, 2));
        var plans = List.of(plan(1, LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 6)));
        assertEquals(List.of(), DeadlineRules.due(e, plans, List.of(), List.of(), LocalDate.of(2026, 7, 22)));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.REVIEW_DUE, LocalDate.of(2026, 8, 6), false)),
                DeadlineRules.due(e, plans, List.of(), List.of(), LocalDate.of(2026, 7, 23)));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.REVIEW_DUE, LocalDate.of(2026, 8, 6), true)),
                DeadlineRules.due(e, plans, List.of(), List.of(), LocalDate.of(2026, 8, 7)));
    }

    @Test
    void aReviewInProgressIsAwaitingApprovalForFiveDaysNotStillDue() {
        Enrolment e = enrolled(LocalDate.of(2026, 2, 2));
        var plans = List.of(
                plan(1, LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 6)), plan(2, LocalDate.of(2026, 8, 3), null));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.PLAN_AWAITING_APPROVAL, LocalDate.of(2026, 8, 8), false)),
                DeadlineRules.due(e, plans, List.of(), List.of(), LocalDate.of(2026, 8, 4)));
    }

    @Test
    void aDraftOfAChangeDoesNotHideTheReviewNorMoveIt() {
        Enrolment e = enrolled(LocalDate.of(2026, 1, 5));
        var change = new ActivityPlan(
                UUID.randomUUID(), ENROLMENT, 2, PlanGoal.WORK, null, LocalDate.of(2026, 3, 1), null, null, false);
        var plans = List.of(plan(1, LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 7)), change);
        assertEquals(
                List.of(
                        new Due(ENROLMENT, DeadlineKind.PLAN_AWAITING_APPROVAL, LocalDate.of(2026, 3, 6), true),
                        new Due(ENROLMENT, DeadlineKind.REVIEW_DUE, LocalDate.of(2026, 7, 7), true)),
                DeadlineRules.due(e, plans, List.of(), List.of(), LocalDate.of(2026, 7, 10)));
        var approvedChange = new ActivityPlan(
                change.id(),
                ENROLMENT,
                2,
                PlanGoal.WORK,
                null,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2),
                "Omar Farah",
                false);
        assertEquals(
                LocalDate.of(2026, 7, 7),
                DeadlineRules.reviewDue(List.of(plans.get(0), approvedChange)),
                "a change approved in between does not move the review");
    }

    @Test
    void theActivitiesInForceAreThoseOfTheApprovedVersionWhileAChangeIsDrafted() {
        var approved = plan(1, LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 7));
        var draft = plan(2, LocalDate.of(2026, 3, 1), null);
        assertEquals(approved, DeadlineRules.inForce(List.of(approved, draft)));
        assertEquals(draft, DeadlineRules.inForce(List.of(draft)), "before any approval, the draft");
    }

    @Test
    void anActivityEndingWithinAWeekShows() {
        Enrolment e = enrolled(LocalDate.of(2026, 10, 1));
        var plans = List.of(plan(1, LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3)));
        var activities = List.of(activity(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 12, 1)));
        var meetings = List.of(meeting(LocalDate.of(2026, 11, 20), MeetingOutcome.ATTENDED));
        assertEquals(List.of(), DeadlineRules.due(e, plans, activities, meetings, LocalDate.of(2026, 11, 23)));
        assertEquals(
                List.of(new Due(ENROLMENT, DeadlineKind.ACTIVITY_ENDING, LocalDate.of(2026, 12, 1), false)),
                DeadlineRules.due(e, plans, activities, meetings, LocalDate.of(2026, 11, 24)));
    }

    @Test
    void aRunningActivityNeedsAFollowUpEveryThirtyDays() {
        var activities = List.of(activity(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 6, 30)));
        assertEquals(
                LocalDate.of(2026, 2, 9), DeadlineRules.followUpDue(activities, List.of(), LocalDate.of(2026, 2, 1)));
        var held = List.of(meeting(LocalDate.of(2026, 2, 5), MeetingOutcome.NOT_ATTENDED));
        assertEquals(
                LocalDate.of(2026, 3, 7),
                DeadlineRules.followUpDue(activities, held, LocalDate.of(2026, 2, 20)),
                "a missed meeting was still a follow-up attempt; the next is due 30 days on");
        var planned = List.of(held.get(0), meeting(LocalDate.of(2026, 3, 7), MeetingOutcome.PLANNED));
        assertNull(DeadlineRules.followUpDue(activities, planned, LocalDate.of(2026, 3, 1)), "one is planned in time");
        var late = List.of(held.get(0), meeting(LocalDate.of(2026, 6, 1), MeetingOutcome.PLANNED));
        assertEquals(
                LocalDate.of(2026, 3, 7),
                DeadlineRules.followUpDue(activities, late, LocalDate.of(2026, 3, 1)),
                "a meeting planned months ahead does not count as the follow-up");
        assertNull(DeadlineRules.followUpDue(activities, List.of(), LocalDate.of(2026, 7, 1)), "nothing runs");
    }

    @Test
    void aMeetingTodayShowsAndTheLimitShowsThirtyDaysAhead() {
        Enrolment e = enrolled(LocalDate.of(2025, 6, 30));
        var plans = List.of(plan(1, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2)));
        LocalDate today = LocalDate.of(2026, 12, 1);
        var due = DeadlineRules.due(e, plans, List.of(), List.of(meeting(today, MeetingOutcome.PLANNED)), today);
        assertEquals(
                List.of(
                        new Due(ENROLMENT, DeadlineKind.REVIEW_DUE, LocalDate.of(2026, 12, 2), false),
                        new Due(ENROLMENT, DeadlineKind.MEETING_TODAY, today, false),
                        new Due(ENROLMENT, DeadlineKind.LIMIT_APPROACHING, LocalDate.of(2026, 12, 30), false)),
                due);
        assertEquals(
                List.of(DeadlineKind.REVIEW_DUE, DeadlineKind.MEETING_TODAY),
                kinds(DeadlineRules.due(
                        e,
                        plans,
                        List.of(),
                        List.of(meeting(LocalDate.of(2026, 11, 29), MeetingOutcome.PLANNED)),
                        LocalDate.of(2026, 11, 29))),
                "31 days before the limit: not yet");
    }

    @Test
    void anExitedEnrolmentHasNothingDue() {
        Enrolment exited = new Enrolment(
                ENROLMENT,
                UUID.randomUUID(),
                null,
                LocalDate.of(2025, 1, 1),
                "unit",
                null,
                EnumSet.of(TargetGroup.UNEMPLOYED),
                null,
                false,
                LocalDate.of(2025, 3, 1),
                ExitReason.STUDIES);
        assertEquals(List.of(), DeadlineRules.due(exited, List.of(), List.of(), List.of(), LocalDate.of(2026, 11, 24)));
    }

    @Test
    void anActivityEndedEarlyStopsRunningThatDay() {
        Activity a =
                activity(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 8, 31)).endedOn(LocalDate.of(2026, 5, 15));
        assertEquals(true, a.isRunning(LocalDate.of(2026, 5, 15)));
        assertEquals(false, a.isRunning(LocalDate.of(2026, 5, 16)));
        assertEquals(a, a.endedOn(LocalDate.of(2026, 9, 30)), "an exit after the end changes nothing");
    }
}

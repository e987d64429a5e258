package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The deadlines of the Jobbtorg proposal, computed from the records and never stored. They are guidelines:
 * the product shows them and asks for a reason when one has passed, and never blocks (the jobs-gap motion).
 */
public final class DeadlineRules {
    /** The plan is drawn up within five calendar days of enrolment ("inom fem dagar"). */
    public static final int PLAN_DAYS = 5;
    /** A plan normally covers at most six months, then it is reviewed. */
    public static final int REVIEW_MONTHS = 6;
    /** At most 18 months in Jobbtorg activities. */
    public static final int LIMIT_MONTHS = 18;
    /** How early the coming 18-month limit shows on the Today screen. */
    public static final int LIMIT_WARNING_DAYS = 30;
    /** How early a coming review shows. */
    public static final int REVIEW_WARNING_DAYS = 14;
    /** How early an activity's end shows. */
    public static final int ACTIVITY_ENDING_DAYS = 7;
    /** A running activity is followed up at least this often. */
    public static final int FOLLOW_UP_DAYS = 30;

    private DeadlineRules() {}

    public static LocalDate planDue(LocalDate enrolledOn) {
        return enrolledOn.plusDays(PLAN_DAYS);
    }

    /** Six calendar months after approval; from the 31st to a shorter month's last day. */
    public static LocalDate reviewDue(LocalDate approvedOn) {
        return approvedOn.plusMonths(REVIEW_MONTHS);
    }

    public static LocalDate limit(LocalDate enrolledOn) {
        return enrolledOn.plusMonths(LIMIT_MONTHS);
    }

    /**
     * What is due in an open enrolment on a day. plans are all versions, activities those of the
     * version in force (see {@link #inForce}), meetings the current entries (superseded ones left out).
     */
    public static List<Due> due(
            Enrolment enrolment,
            List<ActivityPlan> plans,
            List<Activity> activities,
            List<Meeting> meetings,
            LocalDate today) {
        List<Due> due = new ArrayList<>();
        if (!enrolment.isOpen()) {
            return due;
        }
        ActivityPlan newest = plans.stream()
                .max(Comparator.comparingInt(ActivityPlan::version))
                .orElse(null);
        if (newest == null) {
            add(due, enrolment, DeadlineKind.PLAN_DUE, planDue(enrolment.enrolledOn()), today);
        } else if (!newest.isApproved()) {
            // The first plan is approved within the five days; a later version within five days
            // of being drawn up.
            LocalDate by = newest.version() == 1
                    ? planDue(enrolment.enrolledOn())
                    : newest.drawnUpOn().plusDays(PLAN_DAYS);
            add(due, enrolment, DeadlineKind.PLAN_AWAITING_APPROVAL, by, today);
        }
        LocalDate review = reviewDue(plans);
        if (review != null
                && !today.isBefore(review.minusDays(REVIEW_WARNING_DAYS))
                && !(newest != null && !newest.isApproved() && newest.review())) {
            add(due, enrolment, DeadlineKind.REVIEW_DUE, review, today);
        }
        for (Activity a : activities) {
            if (a.isRunning(today) && !a.lastDay().isAfter(today.plusDays(ACTIVITY_ENDING_DAYS))) {
                add(due, enrolment, DeadlineKind.ACTIVITY_ENDING, a.lastDay(), today);
            }
        }
        for (Meeting m : meetings) {
            if (m.outcome() == MeetingOutcome.PLANNED && m.at().toLocalDate().equals(today)) {
                add(due, enrolment, DeadlineKind.MEETING_TODAY, today, today);
            }
        }
        LocalDate followUp = followUpDue(activities, meetings, today);
        if (followUp != null && !followUp.isAfter(today)) {
            add(due, enrolment, DeadlineKind.FOLLOW_UP_MISSING, followUp, today);
        }
        LocalDate limit = limit(enrolment.enrolledOn());
        if (!today.isBefore(limit.minusDays(LIMIT_WARNING_DAYS))) {
            add(due, enrolment, DeadlineKind.LIMIT_APPROACHING, limit, today);
        }
        return due;
    }

    /**
     * The version the work follows: the newest approved one, or the newest draft while nothing
     * is approved yet. A draft of a change does not stop the activities of the approved plan.
     */
    public static ActivityPlan inForce(List<ActivityPlan> plans) {
        return plans.stream()
                .filter(ActivityPlan::isApproved)
                .max(Comparator.comparingInt(ActivityPlan::version))
                .or(() -> plans.stream().max(Comparator.comparingInt(ActivityPlan::version)))
                .orElse(null);
    }

    /**
     * Six months after the last review, or after the first approval: a change of the plan in
     * between does not move the review. A review waiting for approval is shown as such instead.
     */
    public static LocalDate reviewDue(List<ActivityPlan> plans) {
        return plans.stream()
                .filter(ActivityPlan::isApproved)
                .filter(p -> p.version() == 1 || p.review())
                .max(Comparator.comparingInt(ActivityPlan::version))
                .map(p -> reviewDue(p.approvedOn()))
                .orElse(null);
    }

    /**
     * When the next follow-up is due while an activity runs: 30 days after the last meeting held
     * (or after the first running activity started), unless a meeting is already planned.
     */
    static LocalDate followUpDue(List<Activity> activities, List<Meeting> meetings, LocalDate today) {
        LocalDate firstStart = activities.stream()
                .filter(a -> a.isRunning(today))
                .map(Activity::startOn)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (firstStart == null) {
            return null;
        }
        LocalDate last = meetings.stream()
                .filter(m -> m.outcome() == MeetingOutcome.ATTENDED || m.outcome() == MeetingOutcome.NOT_ATTENDED)
                .map(m -> m.at().toLocalDate())
                .max(Comparator.naturalOrder())
                .orElse(firstStart);
        LocalDate due = (last.isBefore(firstStart) ? firstStart : last).plusDays(FOLLOW_UP_DAYS);
        // A meeting planned in time (from today up to the due date) is the follow-up on its way.
        boolean planned = meetings.stream()
                .anyMatch(m -> m.outcome() == MeetingOutcome.PLANNED
                        && !m.at().toLocalDate().isBefore(today)
                        && !m.at().toLocalDate().isAfter(due));
        return planned ? null : due;
    }

    private static void add(List<Due> due, Enrolment e, DeadlineKind kind, LocalDate on, LocalDate today) {
        due.add(new Due(e.id(), kind, on, today.isAfter(on)));
    }
}

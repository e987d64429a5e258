package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An enrolment at a glance on a day: how long the person has been in Jobbtorg and until when they
 * may be, where the plan stands, the next review and meeting, the last contact, what runs, and
 * what is open (deadlines and reminders). Derived, never stored.
 *
 * @param daysIn days from the enrolment to today, or to the exit
 * @param limit the last day of the 18 months
 * @param planLate true when the plan, its approval or its review is past its date
 * @param reviewDue when the approved plan is to be reviewed; null before an approval
 * @param nextMeeting the first meeting planned from today on; null when none is
 * @param lastContact the day of the last meeting the person came to; null before one
 * @param running the activities of the plan in force that run today
 * @param open the deadlines and reminders open, by date
 */
public record EnrolmentStatus(
        long daysIn,
        LocalDate limit,
        PlanState plan,
        boolean planLate,
        LocalDate reviewDue,
        Meeting nextMeeting,
        LocalDate lastContact,
        List<Activity> running,
        List<Due> open) {

    /** Where the plan stands: the newest version's state. */
    public enum PlanState {
        NONE,
        /** A version is being drawn up: no goal or no activity yet. */
        DRAFT,
        /** A version with its goal and activities, waiting for the social-services unit. */
        AWAITING_APPROVAL,
        APPROVED
    }

    private static final Set<DeadlineKind> PLAN_DEADLINES =
            Set.of(DeadlineKind.PLAN_DUE, DeadlineKind.PLAN_AWAITING_APPROVAL, DeadlineKind.REVIEW_DUE);

    /**
     * plans: every version; activities: every activity of every version; inForce: those of the
     * version the work follows; meetings: the current entries; open: the deadlines and reminders.
     */
    public static EnrolmentStatus of(
            Enrolment enrolment,
            List<ActivityPlan> plans,
            List<Activity> activities,
            List<Activity> inForce,
            List<Meeting> meetings,
            List<Due> open,
            LocalDate today) {
        LocalDate end = enrolment.isOpen() ? today : enrolment.exitedOn();
        ActivityPlan newest = plans.stream()
                .max(Comparator.comparingInt(ActivityPlan::version))
                .orElse(null);
        PlanState state;
        if (newest == null) {
            state = PlanState.NONE;
        } else if (newest.isApproved()) {
            state = PlanState.APPROVED;
        } else {
            boolean complete = newest.goal() != null
                    && activities.stream().anyMatch(a -> a.planId().equals(newest.id()));
            state = complete ? PlanState.AWAITING_APPROVAL : PlanState.DRAFT;
        }
        return new EnrolmentStatus(
                ChronoUnit.DAYS.between(enrolment.enrolledOn(), end),
                DeadlineRules.limit(enrolment.enrolledOn()),
                state,
                open.stream().anyMatch(d -> d.overdue() && PLAN_DEADLINES.contains(d.kind())),
                DeadlineRules.reviewDue(plans),
                meetings.stream()
                        .filter(m -> m.outcome() == MeetingOutcome.PLANNED
                                && !m.at().toLocalDate().isBefore(today))
                        .min(Comparator.comparing(Meeting::at))
                        .orElse(null),
                meetings.stream()
                        .filter(m -> m.outcome() == MeetingOutcome.ATTENDED
                                && !m.at().toLocalDate().isAfter(today))
                        .map(m -> m.at().toLocalDate())
                        .max(Comparator.naturalOrder())
                        .orElse(null),
                enrolment.isOpen()
                        ? inForce.stream().filter(a -> a.isRunning(today)).toList()
                        : List.of(),
                open);
    }

    /** Days since the last contact on a day; null before any. */
    public Long daysSinceContact(LocalDate today) {
        return lastContact == null ? null : ChronoUnit.DAYS.between(lastContact, today);
    }
}

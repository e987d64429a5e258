package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reminders of work the rules require besides the proposal's deadlines ({@link DeadlineRules}):
 * derived from the records on a day, never stored, shown on the Today screen and on the person's
 * page with how late they are. Unlike a deadline, a reminder that has passed asks for no reason:
 * doing the work is what makes it go.
 */
public final class Reminders {
    /** An enrolment with nothing running and its plan unchanged this long is idle. */
    public static final int IDLE_DAYS = 14;

    /**
     * How long after the exit its check is still asked for. Past that, what the person did a
     * month after the exit can no longer be asked reliably; the summary counts it as not checked.
     */
    public static final int EXIT_CHECK_SHOWN_MONTHS = 3;

    private Reminders() {}

    /** The earliest exit whose check is still asked for on a day. */
    public static LocalDate exitCheckShownFrom(LocalDate today) {
        return today.minusMonths(EXIT_CHECK_SHOWN_MONTHS);
    }

    /** The check after an exit is made a month after it (the national comparison), not before. */
    public static LocalDate exitCheckDue(LocalDate exitedOn) {
        return exitedOn.plusMonths(1);
    }

    /**
     * What the rules remind of in one enrolment on a day. plans are all versions, activities
     * those of the version in force, meetings the current entries (superseded and voided ones
     * left out); exitChecked whether the check after the exit is recorded.
     *
     * <ul>
     *   <li>an exited enrolment: the check a month after the exit, from that day until it is made
     *       or until {@value #EXIT_CHECK_SHOWN_MONTHS} months after the exit;
     *   <li>the duty to take part, and what follows if the person does not, explained and recorded
     *       at a meeting (001): due with the plan, five days after enrolment;
     *   <li>a planned meeting whose day has passed without an outcome: due on its day;
     *   <li>a plan exists, nothing of it runs, and neither the plan nor an activity's end has
     *       changed anything for {@value #IDLE_DAYS} days. Without any plan the plan's own deadline
     *       says it already.
     * </ul>
     */
    public static List<Due> of(
            Enrolment enrolment,
            List<ActivityPlan> plans,
            List<Activity> activities,
            List<Meeting> meetings,
            boolean exitChecked,
            LocalDate today) {
        List<Due> due = new ArrayList<>();
        if (!enrolment.isOpen()) {
            if (!exitChecked && enrolment.exitedOn() != null) {
                LocalDate check = exitCheckDue(enrolment.exitedOn());
                if (!today.isBefore(check) && !enrolment.exitedOn().isBefore(exitCheckShownFrom(today))) {
                    add(due, enrolment.id(), DeadlineKind.EXIT_CHECK_DUE, check, today);
                }
            }
            return due;
        }
        if (meetings.stream().noneMatch(m -> m.dutyExplainedOn() != null)) {
            add(
                    due,
                    enrolment.id(),
                    DeadlineKind.DUTY_NOT_EXPLAINED,
                    DeadlineRules.planDue(enrolment.enrolledOn()),
                    today);
        }
        meetings.stream()
                .filter(m -> m.outcome() == MeetingOutcome.PLANNED)
                .map(m -> m.at().toLocalDate())
                .filter(today::isAfter)
                .sorted()
                .forEach(day -> add(due, enrolment.id(), DeadlineKind.MEETING_WITHOUT_OUTCOME, day, today));
        LocalDate idle = idleSince(enrolment, plans, activities, today);
        if (idle != null && !today.isBefore(idle.plusDays(IDLE_DAYS))) {
            add(due, enrolment.id(), DeadlineKind.NO_ACTIVITY, idle.plusDays(IDLE_DAYS), today);
        }
        return due;
    }

    /** A person registered and never enrolled: to be enrolled today, not late (the form has no date). */
    public static Due notEnrolled(LocalDate today) {
        return new Due(null, DeadlineKind.NOT_ENROLLED, today, false);
    }

    /**
     * Since when nothing has happened in an enrolment with a plan and no running activity: the
     * latest of the enrolment, a version drawn up or approved, and an activity's last day; null
     * while an activity runs or before any plan.
     */
    static LocalDate idleSince(
            Enrolment enrolment, List<ActivityPlan> plans, List<Activity> activities, LocalDate today) {
        if (plans.isEmpty() || activities.stream().anyMatch(a -> a.isRunning(today))) {
            return null;
        }
        return Stream.of(
                        Stream.of(enrolment.enrolledOn()),
                        plans.stream().map(ActivityPlan::drawnUpOn),
                        plans.stream().map(ActivityPlan::approvedOn),
                        activities.stream().map(Activity::lastDay).filter(d -> d.isBefore(today)))
                .flatMap(s -> s)
                .filter(d -> d != null)
                .max(LocalDate::compareTo)
                .orElseThrow();
    }

    private static void add(List<Due> due, UUID enrolmentId, DeadlineKind kind, LocalDate on, LocalDate today) {
        due.add(new Due(enrolmentId, kind, on, today.isAfter(on)));
    }
}

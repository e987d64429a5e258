package se.jobbtorg.coach.domain;

/**
 * What can be due in an enrolment (design.md, Deadlines). Derived, never stored. The first seven
 * are the deadlines of the Jobbtorg proposal: acting on one that has passed asks why, and the
 * reason is kept under this code. The rest are reminders of work the rules require ({@link
 * Reminders}); they are shown with how late they are, and never ask for a reason.
 */
public enum DeadlineKind implements Coded {
    PLAN_DUE("plan_due"),
    PLAN_AWAITING_APPROVAL("plan_approval"),
    REVIEW_DUE("review_due"),
    ACTIVITY_ENDING("activity_ending"),
    MEETING_TODAY("meeting_today"),
    FOLLOW_UP_MISSING("follow_up_missing"),
    LIMIT_APPROACHING("limit_approaching"),
    /** The check a month after the exit has not been made. */
    EXIT_CHECK_DUE("exit_check_due", false),
    /** Registered, never enrolled: the enrolment is to be made at once (001). */
    NOT_ENROLLED("not_enrolled", false),
    /** Enrolled, no activity running and the plan unchanged for two weeks. */
    NO_ACTIVITY("no_activity", false),
    /** The duty to take part, and what follows if the person does not, not yet recorded as explained (001). */
    DUTY_NOT_EXPLAINED("duty_not_explained", false),
    /** A planned meeting whose day has passed without what happened being recorded. */
    MEETING_WITHOUT_OUTCOME("meeting_without_outcome", false);

    private final String code;
    private final boolean deadline;

    DeadlineKind(String code) {
        this(code, true);
    }

    DeadlineKind(String code, boolean deadline) {
        this.code = code;
        this.deadline = deadline;
    }

    @Override
    public String code() {
        return code;
    }

    /** True for a deadline of the proposal, whose passing asks for a reason; false for a reminder. */
    public boolean asksReason() {
        return deadline;
    }

    /** Only the deadlines' reasons are ever stored, so only their codes are in the code list. */
    @Override
    public boolean stored() {
        return deadline;
    }
}

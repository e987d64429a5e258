package se.jobbtorg.coach.domain;

/** What can be due in an enrolment (design.md, Deadlines). Derived, never stored. */
public enum DeadlineKind implements Coded {
    PLAN_DUE("plan_due"),
    PLAN_AWAITING_APPROVAL("plan_approval"),
    REVIEW_DUE("review_due"),
    ACTIVITY_ENDING("activity_ending"),
    MEETING_TODAY("meeting_today"),
    FOLLOW_UP_MISSING("follow_up_missing"),
    LIMIT_APPROACHING("limit_approaching");

    private final String code;

    DeadlineKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

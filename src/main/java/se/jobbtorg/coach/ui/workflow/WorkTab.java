package se.jobbtorg.coach.ui.workflow;

import se.jobbtorg.coach.domain.DeadlineKind;

/**
 * The tabs of an enrolment's work area, in their order. Today's items and the main window name
 * the tab to show with these, not with the tabs' node ids.
 */
public enum WorkTab {
    /** First: the page opens on the enrolment at a glance (its status band) and its story. */
    TIMELINE("workTimeline"),
    MAPPING("workMapping"),
    PLAN("workPlan"),
    MEETINGS("workMeetings"),
    EXIT("workExit");

    private final String id;

    WorkTab(String id) {
        this.id = id;
    }

    /** Where the work on a due item is done; null for a person to enrol (their page, "Skriv in…"). */
    public static WorkTab of(DeadlineKind kind) {
        return switch (kind) {
            case PLAN_DUE, PLAN_AWAITING_APPROVAL, REVIEW_DUE, ACTIVITY_ENDING, LIMIT_APPROACHING, NO_ACTIVITY -> PLAN;
            case MEETING_TODAY, FOLLOW_UP_MISSING, DUTY_NOT_EXPLAINED, MEETING_WITHOUT_OUTCOME -> MEETINGS;
            case EXIT_CHECK_DUE -> EXIT;
            case NOT_ENROLLED -> null;
        };
    }

    /** The key of the tab's title in the bundles. */
    String titleKey() {
        return switch (this) {
            case MAPPING -> "work.mapping";
            case PLAN -> "work.plan";
            case MEETINGS -> "work.meetings";
            case EXIT -> "work.exit";
            case TIMELINE -> "work.timeline";
        };
    }

    /** The tab's node id in {@link WorkView} (the window tests look it up by it). */
    String id() {
        return id;
    }
}

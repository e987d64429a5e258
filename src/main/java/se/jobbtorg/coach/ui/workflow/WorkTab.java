package se.jobbtorg.coach.ui.workflow;

/**
 * The tabs of an enrolment's work area, in their order. Today's items and the main window name
 * the tab to show with these, not with the tabs' node ids.
 */
public enum WorkTab {
    MAPPING("workMapping"),
    PLAN("workPlan"),
    MEETINGS("workMeetings"),
    EXIT("workExit");

    private final String id;

    WorkTab(String id) {
        this.id = id;
    }

    /** The key of the tab's title in the bundles. */
    String titleKey() {
        return switch (this) {
            case MAPPING -> "work.mapping";
            case PLAN -> "work.plan";
            case MEETINGS -> "work.meetings";
            case EXIT -> "work.exit";
        };
    }

    /** The tab's node id in {@link WorkView} (the window tests look it up by it). */
    String id() {
        return id;
    }
}

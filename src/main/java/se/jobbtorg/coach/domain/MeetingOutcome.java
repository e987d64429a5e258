package se.jobbtorg.coach.domain;

/** What became of a meeting. PLANNED until the coach records what happened. */
public enum MeetingOutcome implements Coded {
    PLANNED("planned"),
    ATTENDED("attended"),
    NOT_ATTENDED("not_attended"),
    CANCELLED("cancelled"),
    /** A contact attempt that did not reach the person; kept like every other entry. */
    NOT_REACHED("not_reached");

    private final String code;

    MeetingOutcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

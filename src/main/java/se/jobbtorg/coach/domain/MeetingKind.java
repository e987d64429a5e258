package se.jobbtorg.coach.domain;

/** Where a follow-up meeting takes place. */
public enum MeetingKind implements Coded {
    DESK("desk"),
    PHONE("phone"),
    OUTREACH("outreach"),
    HOME_VISIT("home_visit");

    private final String code;

    MeetingKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

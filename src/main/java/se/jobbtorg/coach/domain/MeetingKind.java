package se.jobbtorg.coach.domain;

/** Where a follow-up meeting takes place, or how a contact attempt was made. */
public enum MeetingKind implements Coded {
    DESK("desk"),
    PHONE("phone"),
    OUTREACH("outreach"),
    HOME_VISIT("home_visit"),
    /** A letter, text message or e-mail: how a contact attempt is often made. */
    MESSAGE("message");

    private final String code;

    MeetingKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** A meeting away from the desk, at a place the coach may name (outreach, a home visit). */
    public boolean isVisit() {
        return this == OUTREACH || this == HOME_VISIT;
    }
}

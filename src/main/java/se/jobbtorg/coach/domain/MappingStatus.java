package se.jobbtorg.coach.domain;

/** How far the mapping of one area has come. */
public enum MappingStatus implements Coded {
    NOT_STARTED("not_started"),
    IN_PROGRESS("in_progress"),
    DONE("done"),
    NOT_RELEVANT("not_relevant");

    private final String code;

    MappingStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Done or not relevant: nothing left to do in the area. */
    public boolean isSettled() {
        return this == DONE || this == NOT_RELEVANT;
    }
}

package se.jobbtorg.coach.domain;

/** The areas a mapping (kartläggning) covers, as needed (src/docs/domain.md, the work in order, step 2). */
public enum MappingArea implements Coded {
    EDUCATION("education"),
    WORK_EXPERIENCE("work_experience"),
    SWEDISH("swedish"),
    GUIDANCE("guidance"),
    HEALTH("health"),
    LIFE_SITUATION("life_situation"),
    WISHES("wishes"),
    OBSTACLES("obstacles");

    private final String code;

    MappingArea(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

package se.jobbtorg.coach.domain;

/** The areas a mapping (kartläggning) covers, as needed (domain.md step 2; 000, 001, 003). */
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

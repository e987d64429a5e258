package se.jobbtorg.coach.domain;

/** The catalogue of activities (insatser) of the Jobbtorg proposal, plus rehabilitation (the one-door counter-proposal) and Stockholmsjobb (the 2020 audit). */
public enum ActivityKind implements Coded {
    MAPPING("mapping"),
    GUIDANCE("guidance"),
    COUNSELLING("counselling"),
    COACHING("coaching"),
    JOB_MATCHING("job_matching"),
    SFI_TEST("sfi_test"),
    SFI_WITH_PLACEMENT("sfi_placement"),
    PREPARATORY("preparatory"),
    WORK_TRAINING("work_training"),
    PLACEMENT_LANGUAGE("placement_language"),
    PLACEMENT_WORK_TRAINING("placement_training"),
    PLACEMENT_FIRST_STEP("placement_first_step"),
    SHORT_VOCATIONAL_COURSE("short_vocational"),
    VALIDATION("validation"),
    LONG_VOCATIONAL_EDUCATION("long_vocational"),
    AF_PROGRAMME("af_programme"),
    RECRUITMENT("recruitment"),
    START_BUSINESS_ADVICE("start_business"),
    REHABILITATION("rehabilitation"),
    STOCKHOLMSJOBB("stockholmsjobb"),
    OTHER("other");

    private final String code;

    ActivityKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

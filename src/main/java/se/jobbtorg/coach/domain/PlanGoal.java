package se.jobbtorg.coach.domain;

/** What the plan works towards (the one-door counter-proposal): self-support through work or studies, or support through FK. */
public enum PlanGoal implements Coded {
    WORK("work"),
    STUDIES("studies"),
    SOCIAL_INSURANCE_SUPPORT("fk_support");

    private final String code;

    PlanGoal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

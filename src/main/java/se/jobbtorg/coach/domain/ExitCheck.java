package se.jobbtorg.coach.domain;

/**
 * What the check one month after an exit found, in the terms of the national comparison (Kolada):
 * still in work that has lasted at least a month and is not one of the municipality's own
 * labour-market jobs, or in studies with a right to student aid.
 */
public enum ExitCheck implements Coded {
    IN_WORK_OR_STUDIES("yes"),
    NOT_IN_WORK_OR_STUDIES("no"),
    NOT_REACHED("not_reached");

    private final String code;

    ExitCheck(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}

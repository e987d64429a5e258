package se.jobbtorg.coach.domain;

/**
 * Why an enrolment ended (domain.md step 8). The reasons say clearly whether the person left
 * for work or studies (the jobs-gap motion); UNKNOWN is kept honest because it hides real outcomes (the unknown-exits report).
 */
public enum ExitReason implements Coded {
    UNSUBSIDISED_WORK("work"),
    SUBSIDISED_WORK("subsidised_work"),
    STUDIES("studies"),
    REFERRED_BACK("referred_back"),
    MOVED("moved"),
    FK_COMPENSATION("fk_compensation"),
    PARENTAL_LEAVE("parental_leave"),
    AF_PROGRAMME("af_programme"),
    LIMIT_18_MONTHS("limit_18_months"),
    OTHER("other"),
    UNKNOWN("unknown");

    private final String code;

    ExitReason(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ExitReason ofCode(String code) {
        return Coded.ofCode(ExitReason.class, code);
    }
}

package se.jobbtorg.coach.domain;

import java.util.Optional;

/**
 * Our exit reasons and activity kinds against Socialstyrelsen's monthly reporting of social
 * assistance, HSLF-FS 2015:30: annex 1 holds the municipal labour-market activities
 * (kommunala arbetsmarknadsinsatser), annex 2 the reasons why assistance ended (avslutsorsaker).
 *
 * <p>The categories are named in words. The annexes' own code values could not be read in any
 * source we had (decision 0003 says which), so {@link NationalExit#officialCode()} and
 * {@link NationalActivity#officialCode()} are empty rather than guessed. The switches below are
 * exhaustive, so a new exit reason or activity kind does not compile until it is mapped.
 */
public final class SocialstyrelsenCodes {
    private SocialstyrelsenCodes() {}

    /** A reason why social assistance ended (annex 2), or none: the exit from Jobbtorg ends nothing. */
    public enum NationalExit implements Coded {
        WORK("work"),
        STUDIES("studies"),
        /** A benefit from Försäkringskassan takes over: sickness or activity compensation, parental benefit. */
        SOCIAL_INSURANCE("social_insurance"),
        /** A state programme at Arbetsförmedlingen, with its own allowance. */
        EMPLOYMENT_SERVICE("employment_service"),
        MOVED("moved"),
        OTHER("other"),
        UNKNOWN("unknown"),
        /** Leaving Jobbtorg does not end assistance (back to social services; the 18-month limit). */
        NO_COUNTERPART("none");

        private final String code;

        NationalExit(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        public boolean hasCounterpart() {
            return this != NO_COUNTERPART;
        }

        /** The value in annex 2's code list; empty: not verified against the annex (decision 0003). */
        public Optional<String> officialCode() {
            return Optional.empty();
        }
    }

    /** A municipal labour-market activity (annex 1), or none: the activity is the state's or health care's. */
    public enum NationalActivity implements Coded {
        MUNICIPAL_LABOUR_MARKET("municipal"),
        NO_COUNTERPART("none");

        private final String code;

        NationalActivity(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        public boolean hasCounterpart() {
            return this != NO_COUNTERPART;
        }

        /** The value in annex 1's code list; empty: not verified against the annex (decision 0003). */
        public Optional<String> officialCode() {
            return Optional.empty();
        }
    }

    /**
     * Annex 2 counts why assistance ended, we count why someone left Jobbtorg. Referred back and
     * the 18-month limit hand the person on while assistance goes on, so they have no counterpart.
     */
    public static NationalExit of(ExitReason reason) {
        return switch (reason) {
            case UNSUBSIDISED_WORK, SUBSIDISED_WORK -> NationalExit.WORK;
            case STUDIES -> NationalExit.STUDIES;
            case FK_COMPENSATION, PARENTAL_LEAVE -> NationalExit.SOCIAL_INSURANCE;
            case AF_PROGRAMME -> NationalExit.EMPLOYMENT_SERVICE;
            case MOVED -> NationalExit.MOVED;
            case OTHER -> NationalExit.OTHER;
            case UNKNOWN -> NationalExit.UNKNOWN;
            case REFERRED_BACK, LIMIT_18_MONTHS -> NationalExit.NO_COUNTERPART;
        };
    }

    /**
     * Annex 1 asks for the municipality's own labour-market activities. Arbetsförmedlingen's
     * programmes are the state's and rehabilitation is health care's or Försäkringskassan's; every
     * other kind is arranged by Jobbtorg in the plan, Stockholmsjobb (the city's jobs) included.
     */
    public static NationalActivity of(ActivityKind kind) {
        return switch (kind) {
            case AF_PROGRAMME, REHABILITATION -> NationalActivity.NO_COUNTERPART;
            case MAPPING,
                    GUIDANCE,
                    COUNSELLING,
                    COACHING,
                    JOB_MATCHING,
                    SFI_TEST,
                    SFI_WITH_PLACEMENT,
                    PREPARATORY,
                    WORK_TRAINING,
                    PLACEMENT_LANGUAGE,
                    PLACEMENT_WORK_TRAINING,
                    PLACEMENT_FIRST_STEP,
                    SHORT_VOCATIONAL_COURSE,
                    VALIDATION,
                    LONG_VOCATIONAL_EDUCATION,
                    RECRUITMENT,
                    START_BUSINESS_ADVICE,
                    STOCKHOLMSJOBB,
                    OTHER -> NationalActivity.MUNICIPAL_LABOUR_MARKET;
        };
    }
}

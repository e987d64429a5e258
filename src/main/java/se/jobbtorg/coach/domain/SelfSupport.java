package se.jobbtorg.coach.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The two ways of counting an exit as self-support, shown side by side (the unknown-exits report). The city counts
 * every exit except "referred back"; the strict definition only work and studies.
 */
public enum SelfSupport implements Coded {
    CITY("city"),
    STRICT("strict");

    private static final Set<ExitReason> STRICT_REASONS =
            EnumSet.of(ExitReason.UNSUBSIDISED_WORK, ExitReason.SUBSIDISED_WORK, ExitReason.STUDIES);

    private final String code;

    SelfSupport(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether an exit with this reason counts as self-support in this definition. */
    public boolean counts(ExitReason reason) {
        if (reason == null) {
            return false;
        }
        return this == CITY ? reason != ExitReason.REFERRED_BACK : STRICT_REASONS.contains(reason);
    }
}

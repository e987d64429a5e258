package se.jobbtorg.coach.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The target groups of Jobbtorg (the Jobbtorg proposal). The code is what the database and packages hold;
 * it never changes once released, whatever the enum constant is renamed to.
 */
public enum TargetGroup implements Coded {
    // First stage
    UNEMPLOYED("unemployed", 1),
    WORK_CAPACITY_ASSESSMENT("capacity", 1),
    SFI_STUDENT("sfi", 1),
    REFUGEE_OR_FAMILY_REUNIFICATION("refugee", 1),
    YOUTH_16_24("youth", 1),
    // Second stage
    LONG_TERM_OTHER_REASONS("longterm", 2),
    DISABILITY("disability", 2);

    private final String code;
    private final int stage;

    TargetGroup(String code, int stage) {
        this.code = code;
        this.stage = stage;
    }

    @Override
    public String code() {
        return code;
    }

    /** 1 for the groups of the first stage, 2 for those added in the second. */
    public int stage() {
        return stage;
    }

    public static TargetGroup ofCode(String code) {
        return Coded.ofCode(TargetGroup.class, code);
    }

    /** Comma-separated codes in catalogue order, as stored. */
    public static String toCodes(Collection<TargetGroup> groups) {
        return EnumSet.copyOf(groups).stream().map(TargetGroup::code).collect(Collectors.joining(","));
    }

    public static Set<TargetGroup> fromCodes(String codes) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        if (codes != null && !codes.isBlank()) {
            for (String code : codes.split(",")) {
                groups.add(ofCode(code.trim()));
            }
        }
        return groups;
    }
}

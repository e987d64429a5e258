package se.jobbtorg.coach.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the plan's PDF is printed in beside the Swedish: the ones most common at
 * Jobbtorg whose text the fonts shipped with the program can print (Tigrinya needs an Ethiopic
 * font, which is not shipped). Chosen from the enrolment's language, as the coach wrote it.
 */
public enum PlanLanguage {
    SWEDISH("sv", false, "svenska", "swedish"),
    ENGLISH("en", false, "engelska", "english"),
    ARABIC("ar", true, "arabiska", "arabic"),
    SOMALI("so", false, "somaliska", "somali");

    private final Locale locale;
    private final boolean rightToLeft;
    private final List<String> names;

    PlanLanguage(String tag, boolean rightToLeft, String... names) {
        this.locale = Locale.forLanguageTag(tag);
        this.rightToLeft = rightToLeft;
        this.names = List.of(names);
    }

    public Locale locale() {
        return locale;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /**
     * The language of an enrolment's "language" field ("arabiska", "Arabic"), if the plan can be
     * printed in it; empty for Swedish, for a language it cannot print, and for nothing written.
     */
    public static Optional<PlanLanguage> besideSwedish(String enrolmentLanguage) {
        if (enrolmentLanguage == null || enrolmentLanguage.isBlank()) {
            return Optional.empty();
        }
        String name = enrolmentLanguage.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(l -> l != SWEDISH && l.names.contains(name))
                .findFirst();
    }
}

package se.jobbtorg.coach.report;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ResourceBundle;
import se.jobbtorg.coach.i18n.I18n;

/**
 * The fixed text of the plan's PDF in one language, from the bundle {@code i18n/plan}. Names of
 * activity kinds, goals and meeting kinds come from the program's own bundles where it has the
 * language (Swedish, English), else from the plan bundle. Numbers and dates are written with
 * Latin digits, dates as 2026-11-24, in every language, as on the rest of the person's papers.
 */
public final class PlanText {
    public static final String BUNDLE = "i18n.plan";
    private static final char LEFT_TO_RIGHT_ISOLATE = '\u2066';
    private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private final PlanLanguage language;
    private final ResourceBundle bundle;
    private final I18n program;

    public PlanText(PlanLanguage language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.program = language == PlanLanguage.SWEDISH || language == PlanLanguage.ENGLISH
                ? new I18n(language.locale())
                : null;
    }

    public PlanLanguage language() {
        return language;
    }

    /** The bundle itself: for the test that every key is in every language. */
    ResourceBundle bundle() {
        return bundle;
    }

    /**
     * The text for the key with its values filled in. Right to left, each value is set apart as a
     * left-to-right island (LRI ... PDI), so that a date stays 2026-11-24 and a phone number
     * 08-508 123 45 inside Arabic instead of being turned around in pieces.
     */
    public String get(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            String value = a instanceof LocalDate d ? I18n.dateFormat().format(d) : a == null ? "" : a.toString();
            shown[i] = language.rightToLeft() ? LEFT_TO_RIGHT_ISOLATE + value + POP_DIRECTIONAL_ISOLATE : value;
        }
        return new MessageFormat(bundle.getString(key), language.locale()).format(shown);
    }

    /** An activity kind's, goal's or meeting kind's name in this language. */
    public String of(Enum<?> value) {
        if (program != null) {
            return program.of(value);
        }
        return bundle.getString("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}

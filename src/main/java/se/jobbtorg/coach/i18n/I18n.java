package se.jobbtorg.coach.i18n;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import se.jobbtorg.coach.domain.Problem;
import se.jobbtorg.coach.domain.SwedishText;

/**
 * The user's language: every string on screen comes from {@code i18n/messages} (Swedish, the
 * default) or {@code i18n/messages_en}. Dates are always shown the Swedish way, 2026-11-24,
 * whatever the language (names sort the Swedish way too: see SwedishText).
 */
public final class I18n {
    public static final String BUNDLE = "i18n.messages";
    public static final List<Locale> SUPPORTED = List.of(SwedishText.SWEDISH, Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale requested) {
        this.locale = "en".equals(requested.getLanguage()) ? Locale.ENGLISH : SwedishText.SWEDISH;
        // No fallback to the JVM's default locale: an English machine must not turn a Swedish
        // choice into English.
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** Whether the bundle has a text for this key (for texts named by data, such as a field). */
    public boolean has(String key) {
        return bundle().containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // Always through MessageFormat, so that '' is one apostrophe whether or not there are arguments.
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof LocalDate d ? date(d) : args[i];
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** The sentence for a problem a service or the domain found in what the user entered. */
    public String problem(Problem problem) {
        return get(problem.messageKey(), problem.arguments().toArray());
    }

    /** An enum constant's name on screen: key {@code enum.<SimpleName>.<CONSTANT>}. */
    public String of(Enum<?> value) {
        return value == null ? "" : get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A day and time as the meetings show them: 2026-11-24 09:30. */
    public String dateTime(LocalDateTime at) {
        return at == null ? "" : DATE.format(at.toLocalDate()) + " " + TIME.format(at);
    }

    public static DateTimeFormatter dateFormat() {
        return DATE;
    }
}

package se.jobbtorg.coach.domain;

/**
 * What a passphrase for the caseload must be, and how strong it looks. The database is encrypted
 * under it and a lost laptop can be attacked offline, so length is what counts: at least
 * {@value #MIN_LENGTH} characters; a few words in a row ("blå cykel i regn") beat a short jumble.
 */
public final class PassphraseRules {
    public static final int MIN_LENGTH = 10;

    /** The hint shown while a passphrase is chosen. */
    public enum Strength {
        TOO_SHORT,
        WEAK,
        FAIR,
        STRONG
    }

    private PassphraseRules() {}

    public static Strength strength(CharSequence text) {
        int length = text.length();
        if (length < MIN_LENGTH) {
            return Strength.TOO_SHORT;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        int distinct = (int) text.chars().distinct().count();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        if (distinct < 5) {
            return Strength.WEAK; // "aaaaaaaaaaaa", "1212121212"
        }
        if (length >= 20 || length >= 14 && kinds >= 2) {
            return Strength.STRONG;
        }
        return kinds >= 2 ? Strength.FAIR : Strength.WEAK;
    }

    /** True if the passphrase may be used at all (the strength hint is advice beyond that). */
    public static boolean acceptable(CharSequence text) {
        return text.length() >= MIN_LENGTH && strength(text) != Strength.WEAK;
    }
}

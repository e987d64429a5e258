package se.jobbtorg.coach.domain;

/** Small helpers for what users type. */
public final class Text {
    private Text() {}

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Whether a name holds what no one types as part of one: a control character (NUL, escape,
     * a line break) or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), which
     * shows a name in another order than it is stored and sorted.
     */
    public static boolean hasControlCharacter(String s) {
        return s != null && s.chars().anyMatch(c -> Character.isISOControl(c) || isBidiControl(c));
    }

    /**
     * Whether a longer text (a note) holds a control character other than a line break or a tab,
     * which a note may have from an earlier version's text area or a paste.
     */
    public static boolean hasStrayControl(String s) {
        return s != null && s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Stripped, or null when nothing but blanks was typed. */
    public static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}

package se.jobbtorg.coach.domain;

/** Small helpers for what users type. */
public final class Text {
    private Text() {}

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Stripped, or null when nothing but blanks was typed. */
    public static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}

package se.jobbtorg.coach.domain;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The user's passphrase for the database, held as characters that can be wiped, never printed:
 * {@link #toString()} hides it, so it cannot reach a log line or an exception message by accident.
 */
public final class Passphrase implements AutoCloseable {
    private final char[] chars;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /** Takes a copy of the characters; the caller may wipe its own array. */
    public static Passphrase of(char[] chars) {
        Objects.requireNonNull(chars, "chars");
        return new Passphrase(chars.clone());
    }

    public static Passphrase of(CharSequence text) {
        Objects.requireNonNull(text, "text");
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = text.charAt(i);
        }
        return new Passphrase(chars);
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    public int length() {
        return chars.length;
    }

    /** True if the passphrase meets the rules for choosing one (length, not one repeated pattern). */
    public boolean acceptable() {
        return PassphraseRules.acceptable(CharBuffer.wrap(chars));
    }

    /** The text for the database driver's key pragma: only the store asks for it. */
    public String reveal() {
        return new String(chars);
    }

    /** Overwrites the characters; the passphrase is empty afterwards. */
    @Override
    public void close() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}

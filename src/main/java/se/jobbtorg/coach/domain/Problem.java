package se.jobbtorg.coach.domain;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with what a user entered: the field it belongs next to, and a message key
 * (with arguments) that the UI turns into a sentence in the user's language.
 */
public record Problem(String field, String messageKey, List<Object> arguments) {
    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(messageKey, "messageKey");
        arguments = List.copyOf(arguments);
    }

    public static Problem of(String field, String messageKey, Object... arguments) {
        return new Problem(field, messageKey, List.of(arguments));
    }
}

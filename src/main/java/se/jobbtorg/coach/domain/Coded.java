package se.jobbtorg.coach.domain;

import java.util.Arrays;

/** An enum whose constants travel and are stored as stable codes, whatever they are renamed to. */
public interface Coded {
    String code();

    /** The constant with this code; IllegalArgumentException names the type and the code. */
    static <E extends Enum<E> & Coded> E ofCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " code: " + code));
    }
}

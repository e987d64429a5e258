package se.jobbtorg.coach.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Each coded enum's constants by code, made once per type: {@link Coded#ofCode} runs for every
 * code read from the database (a report over the city reads hundreds of thousands).
 */
final class CodeIndex {
    private static final ClassValue<Map<String, Object>> BY_TYPE = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byCode = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byCode.put(((Coded) constant).code(), constant);
            }
            return Collections.unmodifiableMap(byCode);
        }
    };

    private CodeIndex() {}

    /** The constant of type with this code, or null (for none, or for a null code). */
    static <E extends Enum<E> & Coded> E find(Class<E> type, String code) {
        return type.cast(BY_TYPE.get(type).get(code));
    }
}

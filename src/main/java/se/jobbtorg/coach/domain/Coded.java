package se.jobbtorg.coach.domain;

/** An enum whose constants travel and are stored as stable codes, whatever they are renamed to. */
public interface Coded {
    String code();

    /**
     * False for a constant the program only ever derives and shows, never stores or sends (a
     * reminder on the Today screen): a code list leaves it out.
     */
    default boolean stored() {
        return true;
    }

    /** The constant with this code; IllegalArgumentException names the type and the code. */
    static <E extends Enum<E> & Coded> E ofCode(Class<E> type, String code) {
        E constant = CodeIndex.find(type, code);
        if (constant == null) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code: " + code);
        }
        return constant;
    }
}

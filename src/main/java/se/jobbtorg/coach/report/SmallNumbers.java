package se.jobbtorg.coach.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Statistical disclosure control for the files that leave the unit (decision 0015): a count of
 * 1 to 4 people is written "&lt; 5"; a cell from which such a count could be worked out (a share
 * resting on one, the only other part of a total, a median of so few) is written "x". Zero is
 * written as 0. The screen shows the real numbers; an export for internal use does too.
 */
public final class SmallNumbers {
    /** The least count written as it is. */
    public static final int LIMIT = 5;
    /** A count of 1 to 4. */
    public static final String FEWER = "< 5";
    /** Left out so that a count of 1 to 4 cannot be worked out from it. */
    public static final String HIDDEN = "x";

    private SmallNumbers() {}

    /** 1 to 4: a count that points at a few people. Zero points at nobody. */
    public static boolean small(int n) {
        return n > 0 && n < LIMIT;
    }

    /** Whether a cell's text is a mark, not a number. */
    public static boolean marked(String cell) {
        return FEWER.equals(cell) || HIDDEN.equals(cell);
    }

    /** A count as it leaves the program: itself, or "&lt; 5". */
    public static String count(int n) {
        return small(n) ? FEWER : Integer.toString(n);
    }

    /**
     * A share's cells: the denominator is "&lt; 5" when small; the numerator is "&lt; 5" when
     * small, and "x" when the denominator is small or when the rest (denominator less numerator)
     * is small, since the rest would be read off the two; the share itself is left out whenever
     * either count is.
     */
    public record ShareCells(String numerator, String denominator, boolean shown) {}

    public static ShareCells share(int numerator, int denominator) {
        String d = count(denominator);
        String n = small(numerator)
                ? FEWER
                : small(denominator) || small(denominator - numerator) ? HIDDEN : Integer.toString(numerator);
        return new ShareCells(n, d, !marked(n) && !marked(d));
    }

    /**
     * The parts of a total that is written too (exits by reason add up to every exit): each part
     * as {@link #count}; and when exactly one part is marked and the total is a number, the
     * smallest other part above zero is "x" too, else the marked one would be the total less the
     * rest. With two or more marked parts a reader learns only their sum.
     */
    public static List<String> parts(int total, List<Integer> parts) {
        List<String> cells =
                new ArrayList<>(parts.stream().map(SmallNumbers::count).toList());
        protect(total, parts, cells);
        return cells;
    }

    /**
     * The same for parts already written as cells (some marked for reasons of their own): when
     * exactly one is marked and the total is a number, the smallest other part above zero becomes
     * "x". Returns its index, or -1 when none had to be.
     */
    public static int protect(int total, List<Integer> parts, List<String> cells) {
        if (small(total) || cells.stream().filter(SmallNumbers::marked).count() != 1) {
            return -1;
        }
        int smallest = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (!marked(cells.get(i)) && parts.get(i) > 0 && (smallest < 0 || parts.get(i) < parts.get(smallest))) {
                smallest = i;
            }
        }
        if (smallest >= 0) {
            cells.set(smallest, HIDDEN);
        }
        return smallest;
    }

    /**
     * A sum written beside the parts it is made of (a national category and our reasons in it):
     * "&lt; 5" when small, "x" when exactly one part above zero is marked (the sum less the
     * others would give it), else the sum.
     */
    public static String sum(int sum, List<Integer> parts, List<String> cells) {
        if (small(sum)) {
            return FEWER;
        }
        int marked = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) > 0 && marked(cells.get(i))) {
                marked++;
            }
        }
        return marked == 1 ? HIDDEN : Integer.toString(sum);
    }
}

package se.jobbtorg.coach.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule of decision 0015, cell by cell: 1 to 4 is "< 5", what would give it away is "x", 0 is 0. */
class SmallNumbersTest {

    @Test
    void oneToFourIsFewerThanFiveAndZeroAndFiveAreThemselves() {
        assertEquals("0", SmallNumbers.count(0));
        for (int n = 1; n <= 4; n++) {
            assertEquals("< 5", SmallNumbers.count(n));
        }
        assertEquals("5", SmallNumbers.count(5));
        assertEquals("120", SmallNumbers.count(120));
    }

    @Test
    void aShareIsLeftOutWhenItsNumeratorItsDenominatorOrTheRestIsSmall() {
        assertEquals(new SmallNumbers.ShareCells("12", "30", true), SmallNumbers.share(12, 30));
        assertEquals(new SmallNumbers.ShareCells("0", "30", true), SmallNumbers.share(0, 30));
        assertEquals(new SmallNumbers.ShareCells("30", "30", true), SmallNumbers.share(30, 30));
        assertEquals(new SmallNumbers.ShareCells("< 5", "30", false), SmallNumbers.share(3, 30));
        // 28 of 30: the two who did not would be read off the two counts.
        assertEquals(new SmallNumbers.ShareCells("x", "30", false), SmallNumbers.share(28, 30));
        assertEquals(new SmallNumbers.ShareCells("< 5", "< 5", false), SmallNumbers.share(3, 3));
        // None of three is still something about each of the three.
        assertEquals(new SmallNumbers.ShareCells("x", "< 5", false), SmallNumbers.share(0, 3));
        assertEquals(new SmallNumbers.ShareCells("0", "0", true), SmallNumbers.share(0, 0));
    }

    @Test
    void theOnlySmallPartOfATotalTakesTheSmallestOtherPartWithIt() {
        // 12 + 3 + 6 + 0 = 21: without the 6 left out, 3 = 21 - 12 - 6.
        assertEquals(List.of("12", "< 5", "x", "0"), SmallNumbers.parts(21, List.of(12, 3, 6, 0)));
        // Two small parts: a reader learns their sum only.
        assertEquals(List.of("12", "< 5", "< 5", "6"), SmallNumbers.parts(21, List.of(12, 2, 1, 6)));
        // Nothing small: nothing left out.
        assertEquals(List.of("12", "9", "0"), SmallNumbers.parts(21, List.of(12, 9, 0)));
        // The total itself small: every part is.
        assertEquals(List.of("< 5", "0"), SmallNumbers.parts(3, List.of(3, 0)));
    }

    @Test
    void aSumBesideItsPartsIsLeftOutWhenItWouldGiveTheOnlyMarkedPartAway() {
        assertEquals("x", SmallNumbers.sum(9, List.of(6, 3), List.of("6", "< 5")));
        assertEquals("9", SmallNumbers.sum(9, List.of(9, 0), List.of("9", "0")));
        assertEquals("< 5", SmallNumbers.sum(4, List.of(2, 2), List.of("< 5", "< 5")));
        assertEquals("11", SmallNumbers.sum(11, List.of(6, 3, 2), List.of("6", "< 5", "< 5")));
    }

    @Test
    void protectSaysWhichPartItHid() {
        List<String> cells = new ArrayList<>(List.of("12", "< 5", "7", "6"));
        assertEquals(3, SmallNumbers.protect(28, List.of(12, 3, 7, 6), cells));
        assertEquals(List.of("12", "< 5", "7", "x"), cells);
        assertTrue(SmallNumbers.marked("x"));
        assertFalse(SmallNumbers.marked("0"));
    }
}

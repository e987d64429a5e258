package se.jobbtorg.coach.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.jobbtorg.coach.domain.PersonalIdentityNumber.Defect;

/**
 * All numbers here are generated (check digits computed with a scratch Luhn), except 811218-9876,
 * Skatteverket's published example. "Today" is fixed so the century rules are reproducible.
 */
class PersonalIdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource({
        // typed,              normalised,     birth date, coordination
        "811218-9876,          198112189876,   1981-12-18, false",
        "8112189876,           198112189876,   1981-12-18, false",
        "198112189876,         198112189876,   1981-12-18, false",
        "19811218-9876,        198112189876,   1981-12-18, false",
        "'  811218-9876\t ',   198112189876,   1981-12-18, false",
        // '+' puts the same digits a hundred years earlier
        "811218+9876,          188112189876,   1881-12-18, false",
        "250304+1234,          192503041234,   1925-03-04, false",
        "201010+5555,          192010105555,   1920-10-10, false",
        // without '+' the latest matching year not after today
        "250304-1234,          202503041234,   2025-03-04, false",
        "2503041234,           202503041234,   2025-03-04, false",
        "261124-3219,          202611243219,   2026-11-24, false",
        "261125-3218,          192611253218,   1926-11-25, false",
        "261201-4569,          192612014569,   1926-12-01, false",
        "261125-4323,          192611254323,   1926-11-25, false",
        "450131-0025,          194501310025,   1945-01-31, false",
        "991231-9986,          199912319986,   1999-12-31, false",
        "0707070702,           200707070702,   2007-07-07, false",
        "260101-0016,          202601010016,   2026-01-01, false",
        "20261124-4324,        202611244324,   2026-11-24, false",
        // leap days
        "000229-2340,          200002292340,   2000-02-29, false",
        "20000229-2340,        200002292340,   2000-02-29, false",
        "240229-3456,          202402293456,   2024-02-29, false",
        "202402293456,         202402293456,   2024-02-29, false",
        // samordningsnummer: day + 60
        "811278-9873,          198112789873,   1981-12-18, true",
        "19811278-9873,        198112789873,   1981-12-18, true",
        "850162-1232,          198501621232,   1985-01-02, true",
        "20240289-3453,        202402893453,   2024-02-29, true",
    })
    void parsesValidNumbers(String typed, String normalised, LocalDate birthDate, boolean coordination) {
        PersonalIdentityNumber.ParseResult result = PersonalIdentityNumber.parse(typed, TODAY);

        assertTrue(result.isValid(), () -> "defect: " + result.defect());
        assertNull(result.defect());
        PersonalIdentityNumber pin = result.value();
        assertAll(
                () -> assertEquals(normalised, pin.normalised()),
                () -> assertEquals(normalised.substring(0, 8) + "-" + normalised.substring(8), pin.display()),
                () -> assertEquals(birthDate, pin.birthDate()),
                () -> assertEquals(coordination, pin.isCoordinationNumber()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource({
        "'',                   EMPTY",
        "'   ',                EMPTY",
        "'\t\n',               EMPTY",
        "81121A-9876,          INVALID_CHARACTERS",
        "abc,                  INVALID_CHARACTERS",
        "'811218 9876',        INVALID_CHARACTERS",
        "811218--9876,         INVALID_CHARACTERS",
        "811218-+9876,         INVALID_CHARACTERS",
        "8112-189876,          INVALID_CHARACTERS",
        "811218-98-76,         INVALID_CHARACTERS",
        "-8112189876,          INVALID_CHARACTERS",
        "8112189876-,          INVALID_CHARACTERS",
        "811218/9876,          INVALID_CHARACTERS",
        "811218\u20139876,     INVALID_CHARACTERS",
        "81121\uFF189876,      INVALID_CHARACTERS",
        "19811218+9876,        INVALID_CHARACTERS",
        "811218987,            WRONG_LENGTH",
        "81121898761,          WRONG_LENGTH",
        "1981121898761,        WRONG_LENGTH",
        "81121-9876,           WRONG_LENGTH",
        "1981121-9876,         WRONG_LENGTH",
        "1981121+9876,         WRONG_LENGTH",
        "12345678901234,       WRONG_LENGTH",
        "19000229-1236,        NO_SUCH_DATE",
        "20230229-1238,        NO_SUCH_DATE",
        "230229-1238,          NO_SUCH_DATE",
        "000229+2340,          NO_SUCH_DATE",
        "851301-1232,          NO_SUCH_DATE",
        "850012-1234,          NO_SUCH_DATE",
        "850100-1237,          NO_SUCH_DATE",
        "850132-1239,          NO_SUCH_DATE",
        "850431-1237,          NO_SUCH_DATE",
        "850290-1237,          NO_SUCH_DATE",
        "20230289-1235,        NO_SUCH_DATE",
        "850192-1236,          NO_SUCH_DATE",
        "850360-1232,          NO_SUCH_DATE",
        "850145-1231,          NO_SUCH_DATE",
        // the date is judged before the check digit
        "851301-1230,          NO_SUCH_DATE",
        "20261125-4323,        FUTURE_DATE",
        "202701011237,         FUTURE_DATE",
        "20261125-4320,        FUTURE_DATE",
        "811218-9875,          WRONG_CHECK_DIGIT",
        "198112189870,         WRONG_CHECK_DIGIT",
        "811218+9877,          WRONG_CHECK_DIGIT",
        "811278-9876,          WRONG_CHECK_DIGIT",
        "8112189867,           WRONG_CHECK_DIGIT",
    })
    void reportsTheSpecificProblem(String typed, Defect expected) {
        PersonalIdentityNumber.ParseResult result = PersonalIdentityNumber.parse(typed, TODAY);

        assertFalse(result.isValid());
        assertNull(result.value());
        assertEquals(expected, result.defect());
    }

    @ParameterizedTest
    @NullSource
    void nullIsEmpty(String typed) {
        assertEquals(Defect.EMPTY, PersonalIdentityNumber.parse(typed, TODAY).defect());
    }

    @Test
    void sameNumberTypedDifferentlyIsEqual() {
        List<PersonalIdentityNumber> forms = Stream.of(
                        "811218-9876", "8112189876", "198112189876", "19811218-9876", " 8112189876 ")
                .map(t -> PersonalIdentityNumber.parse(t, TODAY).value())
                .toList();
        for (PersonalIdentityNumber pin : forms) {
            assertEquals(forms.get(0), pin);
            assertEquals(forms.get(0).hashCode(), pin.hashCode());
            assertEquals(0, forms.get(0).compareTo(pin));
        }
        assertEquals(PersonalIdentityNumber.ofNormalised("198112189876"), forms.get(0));
    }

    @Test
    void centuryAndCoordinationMakeDifferentNumbers() {
        PersonalIdentityNumber modern =
                PersonalIdentityNumber.parse("811218-9876", TODAY).value();
        PersonalIdentityNumber centenarian =
                PersonalIdentityNumber.parse("811218+9876", TODAY).value();
        PersonalIdentityNumber coordination =
                PersonalIdentityNumber.parse("811278-9873", TODAY).value();

        assertNotEquals(modern, centenarian);
        assertNotEquals(modern, coordination);
        assertTrue(centenarian.compareTo(modern) < 0);
        assertEquals(modern.birthDate(), coordination.birthDate());
    }

    @Test
    void toStringHidesTheDigits() {
        PersonalIdentityNumber pin =
                PersonalIdentityNumber.parse("811218-9876", TODAY).value();

        assertEquals("PersonalIdentityNumber[***]", pin.toString());
        assertFalse(pin.toString().matches(".*\\d.*"));
        assertFalse(
                PersonalIdentityNumber.parse("811218-9876", TODAY).toString().contains("9876"));
    }

    @Test
    void displaysWithSeparator() {
        PersonalIdentityNumber pin =
                PersonalIdentityNumber.parse("8112189876", TODAY).value();

        assertEquals("198112189876", pin.normalised());
        assertEquals("19811218-9876", pin.display());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "811218-9876",
                "19811218-9876",
                "8112189876",
                "198112189875",
                "190002291236",
                "198113011232",
                "19811218987a",
                " 198112189876",
                "1981121898760"
            })
    void ofNormalisedRejectsInvalidText(String text) {
        assertThrows(IllegalArgumentException.class, () -> PersonalIdentityNumber.ofNormalised(text));
    }

    @Test
    void ofNormalisedRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> PersonalIdentityNumber.ofNormalised(null));
    }

    @Test
    void ofNormalisedReadsStoredCoordinationNumber() {
        PersonalIdentityNumber pin = PersonalIdentityNumber.ofNormalised("198112789873");

        assertTrue(pin.isCoordinationNumber());
        assertEquals(LocalDate.of(1981, 12, 18), pin.birthDate());
    }

    @Test
    void ofNormalisedDoesNotExpireStoredNumbersByClock() {
        // Stored values have no "today"; a birth date after the real clock must still load.
        assertEquals(
                LocalDate.of(2026, 11, 25),
                PersonalIdentityNumber.ofNormalised("202611254323").birthDate());
    }

    @Test
    void ageCountsCompletedYears() {
        PersonalIdentityNumber pin =
                PersonalIdentityNumber.parse("811218-9876", TODAY).value();
        PersonalIdentityNumber leapling =
                PersonalIdentityNumber.parse("000229-2340", TODAY).value();
        PersonalIdentityNumber centenarian =
                PersonalIdentityNumber.parse("201010+5555", TODAY).value();

        assertEquals(44, pin.age(TODAY));
        assertEquals(45, pin.age(LocalDate.of(2026, 12, 18)));
        assertEquals(25, leapling.age(LocalDate.of(2026, 2, 28)));
        assertEquals(26, leapling.age(LocalDate.of(2026, 3, 1)));
        assertEquals(106, centenarian.age(TODAY));
    }

    static Stream<Arguments> generated() {
        return IntStream.range(0, 400)
                .mapToObj(i -> Arguments.of(LocalDate.of(1920, 1, 1).plusDays(i * 97L), (i * 37) % 1000, i % 3 == 0));
    }

    @ParameterizedTest
    @MethodSource("generated")
    void ofProducesNumbersThatParseBack(LocalDate birthDate, int birthNumber, boolean coordination) {
        PersonalIdentityNumber pin = PersonalIdentityNumber.of(birthDate, birthNumber, coordination);
        String shortForm = pin.normalised().substring(2, 8)
                + (pin.age(TODAY) >= 100 ? "+" : "-")
                + pin.normalised().substring(8);

        assertEquals(birthDate, pin.birthDate());
        assertEquals(coordination, pin.isCoordinationNumber());
        assertEquals(String.format("%03d", birthNumber), pin.normalised().substring(8, 11));
        for (String typed : List.of(pin.normalised(), pin.display(), shortForm)) {
            PersonalIdentityNumber.ParseResult back = PersonalIdentityNumber.parse(typed, TODAY);
            assertTrue(back.isValid(), () -> "defect: " + back.defect());
            assertEquals(pin, back.value());
        }
        assertEquals(pin, PersonalIdentityNumber.ofNormalised(pin.normalised()));
    }

    @Test
    void ofAddsSixtyToTheDayForCoordinationNumbers() {
        PersonalIdentityNumber pin = PersonalIdentityNumber.of(LocalDate.of(1981, 12, 18), 987, true);

        assertEquals("198112789873", pin.normalised());
        assertEquals(
                "198112189876",
                PersonalIdentityNumber.of(LocalDate.of(1981, 12, 18), 987, false)
                        .normalised());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1000})
    void ofRejectsBirthNumberOutOfRange(int birthNumber) {
        assertThrows(
                IllegalArgumentException.class,
                () -> PersonalIdentityNumber.of(LocalDate.of(1981, 12, 18), birthNumber, false));
    }

    @Test
    void parseResultHoldsExactlyOne() {
        PersonalIdentityNumber pin =
                PersonalIdentityNumber.parse("811218-9876", TODAY).value();

        assertThrows(IllegalArgumentException.class, () -> new PersonalIdentityNumber.ParseResult(null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PersonalIdentityNumber.ParseResult(pin, Defect.WRONG_CHECK_DIGIT));
    }
}

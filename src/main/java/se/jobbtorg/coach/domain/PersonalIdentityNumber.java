package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * A Swedish personal identity number (personnummer) or co-ordination number (samordningsnummer).
 *
 * <p>Held only in the normalised 12-digit form so that the same person typed as
 * {@code 811218-9876}, {@code 8112189876} or {@code 198112189876} is one value.
 */
public final class PersonalIdentityNumber implements Comparable<PersonalIdentityNumber> {

    /**
     * Why a text is not a valid number. Not {@link Problem}: that one is a field's message; a defect
     * becomes one (key "pin.problem." + name()) where a form reports it.
     */
    public enum Defect {
        EMPTY,
        INVALID_CHARACTERS,
        WRONG_LENGTH,
        NO_SUCH_DATE,
        FUTURE_DATE,
        WRONG_CHECK_DIGIT
    }

    /** Either a value or a defect, never both. */
    public record ParseResult(PersonalIdentityNumber value, Defect defect) {
        public ParseResult {
            if ((value == null) == (defect == null)) {
                throw new IllegalArgumentException("exactly one of value and defect must be set");
            }
        }

        public boolean isValid() {
            return value != null;
        }
    }

    // Skatteverket adds this to the day of month to tell a samordningsnummer from a personnummer.
    private static final int COORDINATION_DAY_OFFSET = 60;

    private final String normalised;
    private final LocalDate birthDate;

    private PersonalIdentityNumber(String normalised, LocalDate birthDate) {
        this.normalised = normalised;
        this.birthDate = birthDate;
    }

    /** Parses what a person typed. today resolves the century of the 10-digit forms. */
    public static ParseResult parse(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (text == null || text.isBlank()) {
            return failure(Defect.EMPTY);
        }
        String s = text.strip();
        char separator = 0;
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if ((c == '-' || c == '+') && separator == 0 && i == s.length() - 5) {
                separator = c;
            } else {
                // Character.isDigit is avoided on purpose: it would let Arabic-Indic and other digits through.
                return failure(Defect.INVALID_CHARACTERS);
            }
        }
        int length = digits.length();
        if (length != 10 && length != 12) {
            return failure(Defect.WRONG_LENGTH);
        }
        if (length == 12 && separator == '+') {
            // '+' only carries the century that the 10-digit form lacks; next to a full year it is a typo, not data.
            return failure(Defect.INVALID_CHARACTERS);
        }
        String d = digits.toString();
        int offset = length - 10;
        int month = Integer.parseInt(d.substring(offset + 2, offset + 4));
        int rawDay = Integer.parseInt(d.substring(offset + 4, offset + 6));
        int day = realDay(rawDay);
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return failure(Defect.NO_SUCH_DATE);
        }
        int year = length == 12
                ? Integer.parseInt(d.substring(0, 4))
                : resolveYear(Integer.parseInt(d.substring(0, 2)), month, day, separator == '+', today);
        LocalDate date = dateOrNull(year, month, day);
        if (date == null) {
            return failure(Defect.NO_SUCH_DATE);
        }
        // A 10-digit form can never land in the future because its century was chosen so that it does not.
        if (date.isAfter(today)) {
            return failure(Defect.FUTURE_DATE);
        }
        String normalised = String.format("%04d", year) + d.substring(offset + 2);
        if (!hasValidCheckDigit(normalised)) {
            return failure(Defect.WRONG_CHECK_DIGIT);
        }
        return new ParseResult(new PersonalIdentityNumber(normalised, date), null);
    }

    /** Reads the normalised 12-digit form (as stored); throws IllegalArgumentException if it is not valid. */
    public static PersonalIdentityNumber ofNormalised(String twelveDigits) {
        if (twelveDigits == null || !twelveDigits.matches("[0-9]{12}")) {
            // The offending text is left out of the message because exception messages end up in logs.
            throw new IllegalArgumentException("not a normalised 12-digit personal identity number");
        }
        // Stored numbers were checked against "today" when entered; a stored value must not expire later,
        // so only the future-date rule is skipped here.
        ParseResult result = parse(twelveDigits, LocalDate.MAX);
        if (!result.isValid()) {
            throw new IllegalArgumentException("invalid personal identity number: " + result.defect());
        }
        return result.value();
    }

    /**
     * Builds a valid number (check digit computed) for a birth date and 3-digit birth number 0..999;
     * coordination adds 60 to the day. For demo and test data.
     */
    public static PersonalIdentityNumber of(LocalDate birthDate, int birthNumber, boolean coordination) {
        Objects.requireNonNull(birthDate, "birthDate");
        if (birthNumber < 0 || birthNumber > 999) {
            throw new IllegalArgumentException("birth number must be 0..999, was " + birthNumber);
        }
        if (birthDate.getYear() < 0 || birthDate.getYear() > 9999) {
            throw new IllegalArgumentException("year must have four digits");
        }
        int day = birthDate.getDayOfMonth() + (coordination ? COORDINATION_DAY_OFFSET : 0);
        String withoutCheck =
                String.format("%04d%02d%02d%03d", birthDate.getYear(), birthDate.getMonthValue(), day, birthNumber);
        return new PersonalIdentityNumber(withoutCheck + checkDigit(withoutCheck.substring(2)), birthDate);
    }

    /** "198503121234" – 12 digits, no separator. */
    public String normalised() {
        return normalised;
    }

    /** "19850312-1234". */
    public String display() {
        return normalised.substring(0, 8) + "-" + normalised.substring(8);
    }

    /** The real date of birth, i.e. without the 60 added to the day of a samordningsnummer. */
    public LocalDate birthDate() {
        return birthDate;
    }

    public boolean isCoordinationNumber() {
        return Integer.parseInt(normalised.substring(6, 8)) > COORDINATION_DAY_OFFSET;
    }

    /** Completed years on the given date; negative if that date is before the birth date. */
    public int age(LocalDate on) {
        Objects.requireNonNull(on, "on");
        return Period.between(birthDate, on).getYears();
    }

    @Override
    public int compareTo(PersonalIdentityNumber other) {
        return normalised.compareTo(other.normalised);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalIdentityNumber other && normalised.equals(other.normalised);
    }

    @Override
    public int hashCode() {
        return normalised.hashCode();
    }

    /** Deliberately hides the digits: logs must never hold personal numbers. */
    @Override
    public String toString() {
        return "PersonalIdentityNumber[***]";
    }

    private static ParseResult failure(Defect defect) {
        return new ParseResult(null, defect);
    }

    private static int realDay(int rawDay) {
        return rawDay > COORDINATION_DAY_OFFSET ? rawDay - COORDINATION_DAY_OFFSET : rawDay;
    }

    /**
     * The 10-digit forms leave the century to the reader: without '+' the person is under 100, so take
     * the latest year ending in yy whose birthday is not after today; '+' marks a centenarian, 100 years earlier.
     * Month and day are compared as numbers because 29 February may not exist in the candidate year.
     */
    private static int resolveYear(int yy, int month, int day, boolean hundredOrOlder, LocalDate today) {
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        if (year == today.getYear() && month * 100 + day > today.getMonthValue() * 100 + today.getDayOfMonth()) {
            year -= 100;
        }
        return hundredOrOlder ? year - 100 : year;
    }

    private static LocalDate dateOrNull(int year, int month, int day) {
        LocalDate first = LocalDate.of(year, month, 1);
        return day <= first.lengthOfMonth() ? first.withDayOfMonth(day) : null;
    }

    private static boolean hasValidCheckDigit(String normalised) {
        return checkDigit(normalised.substring(2, 11)) == normalised.charAt(11) - '0';
    }

    /** Luhn over YYMMDDNNN; the century is not part of the number Skatteverket issues, so it is not summed. */
    private static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}

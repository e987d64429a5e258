package se.jobbtorg.coach.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a person reaches their coach, printed on the plan: a work phone and a work e-mail, each
 * empty when not given. Checked loosely: a phone is digits with the usual separators (+46 8-508
 * 000 00), an e-mail has one @ and a dot after it; anything stricter refuses real numbers.
 */
public record CoachContact(String phone, String email) {
    public static final String FIELD_PHONE = "coachPhone";
    public static final String FIELD_EMAIL = "coachEmail";
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()\\-]{4,24}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public CoachContact {
        phone = phone == null ? "" : phone.strip();
        email = email == null ? "" : email.strip();
    }

    /** What is wrong with the values, next to their fields; empty when they may be saved. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            problems.add(Problem.of(FIELD_PHONE, "settings.problem.phone"));
        }
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            problems.add(Problem.of(FIELD_EMAIL, "settings.problem.email"));
        }
        return problems;
    }
}

package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a coach enters to register a person, before it is checked. */
public record ParticipantDraft(
        String personalNumber, String firstName, String lastName, String phone, String email, String homeDistrict) {

    public static final String FIELD_NUMBER = "personalNumber";
    public static final String FIELD_FIRST_NAME = "firstName";
    public static final String FIELD_LAST_NAME = "lastName";
    public static final String FIELD_EMAIL = "email";
    public static final String FIELD_PHONE = "phone";

    /** Every problem at once, so the form can mark all fields in one go. */
    public List<Problem> problems(LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        PersonalIdentityNumber.ParseResult number = PersonalIdentityNumber.parse(personalNumber, today);
        if (!number.isValid()) {
            problems.add(
                    Problem.of(FIELD_NUMBER, "pin.problem." + number.defect().name()));
        }
        if (Text.isBlank(firstName)) {
            problems.add(Problem.of(FIELD_FIRST_NAME, "validation.required"));
        } else if (Text.hasControlCharacter(firstName)) {
            problems.add(Problem.of(FIELD_FIRST_NAME, "validation.controlCharacter"));
        }
        if (Text.isBlank(lastName)) {
            problems.add(Problem.of(FIELD_LAST_NAME, "validation.required"));
        } else if (Text.hasControlCharacter(lastName)) {
            problems.add(Problem.of(FIELD_LAST_NAME, "validation.controlCharacter"));
        }
        if (!Text.isBlank(email) && !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(Problem.of(FIELD_EMAIL, "validation.email"));
        }
        if (!Text.isBlank(phone) && !phone.strip().matches("\\+?[0-9 ()-]{5,20}")) {
            problems.add(Problem.of(FIELD_PHONE, "validation.phone"));
        }
        return problems;
    }

    /** The participant this draft describes; call only when {@link #problems} is empty. */
    public Participant toParticipant(UUID id, LocalDate today) {
        PersonalIdentityNumber.ParseResult number = PersonalIdentityNumber.parse(personalNumber, today);
        if (!number.isValid()) {
            throw new IllegalStateException("draft has problems");
        }
        return new Participant(
                id,
                number.value(),
                firstName.strip(),
                lastName.strip(),
                Text.blankToNull(phone),
                Text.blankToNull(email),
                Text.blankToNull(homeDistrict));
    }
}

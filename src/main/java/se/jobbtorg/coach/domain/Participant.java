package se.jobbtorg.coach.domain;

import java.util.Objects;
import java.util.UUID;

/** A person at Jobbtorg (aspirant). One row per person; each enrolment is its own record. */
public record Participant(
        UUID id,
        PersonalIdentityNumber personalNumber,
        String firstName,
        String lastName,
        String phone,
        String email,
        String homeDistrict) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personalNumber, "personalNumber");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }

    /** "Lastname, Firstname", the form lists are sorted and shown by. */
    public String listName() {
        return lastName + ", " + firstName;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    @Override
    public String toString() {
        // Records print their components; this one must never put a name or number in a log.
        return "Participant[" + id + "]";
    }
}

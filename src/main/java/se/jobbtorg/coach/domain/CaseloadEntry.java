package se.jobbtorg.coach.domain;

import java.util.Optional;

/** A row of the caseload: a participant with their latest enrolment (if any) and its coach. */
public record CaseloadEntry(Participant participant, Enrolment latestEnrolment, String coachName) {

    public Optional<Enrolment> enrolment() {
        return Optional.ofNullable(latestEnrolment);
    }
}

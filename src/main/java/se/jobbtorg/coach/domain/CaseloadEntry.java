package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A row of the caseload: a participant with their latest enrolment (if any) and its coach, and
 * that enrolment at a glance: the first of its open deadlines and reminders (as the Today screen
 * has them, the most overdue first), the next meeting planned and the last contact. Each of the
 * three is null when there is none. exitChecked: the check a month after the enrolment's exit is
 * recorded (what the glance's reminders need of it).
 */
public record CaseloadEntry(
        Participant participant,
        Enrolment latestEnrolment,
        String coachName,
        boolean exitChecked,
        Due nextDue,
        Meeting nextMeeting,
        LocalDate lastContact) {

    /** Without the glance (not yet computed). */
    public CaseloadEntry(Participant participant, Enrolment latestEnrolment, String coachName, boolean exitChecked) {
        this(participant, latestEnrolment, coachName, exitChecked, null, null, null);
    }

    public Optional<Enrolment> enrolment() {
        return Optional.ofNullable(latestEnrolment);
    }

    /** The same row with the glance of its enrolment. */
    public CaseloadEntry with(Due nextDue, Meeting nextMeeting, LocalDate lastContact) {
        return new CaseloadEntry(
                participant, latestEnrolment, coachName, exitChecked, nextDue, nextMeeting, lastContact);
    }
}

package se.jobbtorg.coach.ui.caseload;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Due;
import se.jobbtorg.coach.domain.Enrolment;

/**
 * One line of the caseload table, computed once when the rows arrive. nextDue: the first open
 * deadline or reminder (null: none); nextMeeting: when the next planned meeting is; lastContact:
 * the day of the last meeting the person came to, daysSinceContact how long ago that was.
 */
public record CaseloadRow(
        UUID participantId,
        String name,
        String number,
        LocalDate enrolledOn,
        Long daysEnrolled,
        String coach,
        Status status,
        Due nextDue,
        LocalDateTime nextMeeting,
        LocalDate lastContact,
        Long daysSinceContact) {

    public enum Status {
        OPEN,
        EXITED,
        NOT_ENROLLED
    }

    static CaseloadRow of(CaseloadEntry entry, LocalDate today) {
        var p = entry.participant();
        Enrolment e = entry.latestEnrolment();
        Status status = e == null ? Status.NOT_ENROLLED : e.isOpen() ? Status.OPEN : Status.EXITED;
        return new CaseloadRow(
                p.id(),
                p.listName(),
                p.personalNumber().display(),
                e == null ? null : e.enrolledOn(),
                e == null ? null : e.daysEnrolled(today),
                entry.coachName(),
                status,
                entry.nextDue(),
                entry.nextMeeting() == null ? null : entry.nextMeeting().at(),
                entry.lastContact(),
                entry.lastContact() == null ? null : ChronoUnit.DAYS.between(entry.lastContact(), today));
    }

    /** The next deadline's date, to sort by (null: none). */
    public LocalDate nextDueOn() {
        return nextDue == null ? null : nextDue.dueOn();
    }

    public boolean overdue() {
        return nextDue != null && nextDue.overdue();
    }
}

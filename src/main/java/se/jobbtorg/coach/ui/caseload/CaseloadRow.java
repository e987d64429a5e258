package se.jobbtorg.coach.ui.caseload;

import java.time.LocalDate;
import java.util.UUID;
import se.jobbtorg.coach.domain.CaseloadEntry;
import se.jobbtorg.coach.domain.Enrolment;

/** One line of the caseload table, computed once when the rows arrive. */
public record CaseloadRow(
        UUID participantId,
        String name,
        String number,
        LocalDate enrolledOn,
        Long daysEnrolled,
        String coach,
        Status status) {

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
                status);
    }
}

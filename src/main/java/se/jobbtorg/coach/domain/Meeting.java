package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A follow-up meeting entry. Entries are only ever added: recording what happened at a planned
 * meeting, or correcting an entry, adds a new entry that supersedes the earlier one, and both
 * stay readable. So meeting notes never conflict when caseloads are merged.
 *
 * @param place where a visit takes place (an address, a library): only an outreach or home visit
 *     has one, and it may be absent there too
 */
public record Meeting(
        UUID id,
        UUID enrolmentId,
        UUID supersedes,
        LocalDateTime at,
        MeetingKind kind,
        String place,
        MeetingOutcome outcome,
        String attendees,
        boolean socialSecretaryJoined,
        String notes,
        String nextSteps,
        LocalDate dutyExplainedOn,
        LocalDate reportedOn) {

    public Meeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        if (place != null && !kind.isVisit()) {
            throw new IllegalArgumentException("only a visit has a place: " + kind);
        }
        if (reportedOn != null && outcome != MeetingOutcome.NOT_ATTENDED) {
            throw new IllegalArgumentException("only non-attendance is reported to social services");
        }
    }
}

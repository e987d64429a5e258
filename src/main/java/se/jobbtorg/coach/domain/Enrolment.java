package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One enrolment (inskrivning) of a participant. The enrolment date starts every clock of the
 * process; people come back, so a participant can have many, at most one of them open.
 */
public record Enrolment(
        UUID id,
        UUID participantId,
        UUID coachId,
        LocalDate enrolledOn,
        String referringUnit,
        String socialSecretary,
        Set<TargetGroup> targetGroups,
        String language,
        boolean interpreterNeeded,
        LocalDate exitedOn,
        ExitReason exitReason) {

    public Enrolment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(enrolledOn, "enrolledOn");
        Objects.requireNonNull(referringUnit, "referringUnit");
        targetGroups = Set.copyOf(targetGroups);
        if ((exitedOn == null) != (exitReason == null)) {
            throw new IllegalArgumentException("an exit has both a date and a reason");
        }
        if (exitedOn != null && exitedOn.isBefore(enrolledOn)) {
            throw new IllegalArgumentException("exit before enrolment");
        }
    }

    public boolean isOpen() {
        return exitedOn == null;
    }

    /**
     * Calendar days from the enrolment date to today, or to the exit for an ended enrolment.
     * The enrolment day itself is day 0, as the 5-day plan deadline counts.
     */
    public long daysEnrolled(LocalDate today) {
        LocalDate end = exitedOn != null ? exitedOn : today;
        return Math.max(0, ChronoUnit.DAYS.between(enrolledOn, end));
    }
}

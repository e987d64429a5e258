package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What the indicators need to know of one enrolment: when it began and ended, why, and when its
 * first plan was approved (null if never).
 */
public record EnrolmentFacts(UUID enrolmentId, UUID participantId, LocalDate enrolledOn, LocalDate exitedOn,
        ExitReason exitReason, LocalDate firstPlanApprovedOn) {

    public EnrolmentFacts {
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(enrolledOn, "enrolledOn");
    }

    public static EnrolmentFacts of(Enrolment e, LocalDate firstPlanApprovedOn) {
        return new EnrolmentFacts(e.id(), e.participantId(), e.enrolledOn(), e.exitedOn(), e.exitReason(),
                firstPlanApprovedOn);
    }
}

package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the indicators need to know of one enrolment: when it began and ended, why, when its
 * first plan and its first review were approved (null if never), the kinds of the activities
 * of its plan in force, and what the check a month after the exit found (null if not done).
 */
public record EnrolmentFacts(
        UUID enrolmentId,
        UUID participantId,
        LocalDate enrolledOn,
        LocalDate exitedOn,
        ExitReason exitReason,
        LocalDate firstPlanApprovedOn,
        LocalDate firstReviewApprovedOn,
        List<ActivityKind> activityKinds,
        ExitCheck exitCheck) {

    public EnrolmentFacts {
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(enrolledOn, "enrolledOn");
        activityKinds = List.copyOf(activityKinds);
    }

    /** Without reviews or activities. */
    public EnrolmentFacts(
            UUID enrolmentId,
            UUID participantId,
            LocalDate enrolledOn,
            LocalDate exitedOn,
            ExitReason exitReason,
            LocalDate firstPlanApprovedOn) {
        this(enrolmentId, participantId, enrolledOn, exitedOn, exitReason, firstPlanApprovedOn, null, List.of(), null);
    }
}

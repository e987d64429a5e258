package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of an enrolment's activity plan (aktivitetsplan). A draft until the social-services
 * unit approves it; an approved version is never changed again: a change or a review is a new
 * version, and the earlier ones stay readable.
 */
public record ActivityPlan(
        UUID id,
        UUID enrolmentId,
        int version,
        PlanGoal goal,
        String wishes,
        LocalDate drawnUpOn,
        LocalDate approvedOn,
        String approvedBy,
        boolean review) {

    public ActivityPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(drawnUpOn, "drawnUpOn");
        if (version < 1) {
            throw new IllegalArgumentException("versions count from 1");
        }
        if ((approvedOn == null) != (approvedBy == null)) {
            throw new IllegalArgumentException("an approval has both a date and an approver");
        }
    }

    public boolean isApproved() {
        return approvedOn != null;
    }
}

package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An activity (insats) of a plan version: always bounded in time (the Jobbtorg proposal). endedOn is set when it
 * ends early, for instance at the exit; before startOn it means the activity never began.
 */
public record Activity(
        UUID id,
        UUID planId,
        ActivityKind kind,
        String otherText,
        String provider,
        String description,
        LocalDate startOn,
        LocalDate endOn,
        LocalDate endedOn) {

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startOn, "startOn");
        Objects.requireNonNull(endOn, "an activity without an end is not allowed (the Jobbtorg proposal)");
        if (endOn.isBefore(startOn)) {
            throw new IllegalArgumentException("end before start");
        }
    }

    /** The last day it runs: the planned end, or the early end. */
    public LocalDate lastDay() {
        return endedOn != null && endedOn.isBefore(endOn) ? endedOn : endOn;
    }

    public boolean isRunning(LocalDate day) {
        return !day.isBefore(startOn) && !day.isAfter(lastDay());
    }

    /** The same activity in a new plan version. */
    public Activity copyTo(UUID newPlanId) {
        return new Activity(
                UUID.randomUUID(), newPlanId, kind, otherText, provider, description, startOn, endOn, endedOn);
    }

    /** Ended early on this day (not later than planned). */
    public Activity endedOn(LocalDate day) {
        return day.isBefore(lastDay())
                ? new Activity(id, planId, kind, otherText, provider, description, startOn, endOn, day)
                : this;
    }
}

package se.jobbtorg.coach.domain;

import java.util.Objects;
import java.util.UUID;

/** How one running activity was followed up at a meeting (the Jobbtorg proposal). Only ever added. */
public record ActivityFollowUp(UUID id, UUID meetingId, UUID activityId, String note) {
    public ActivityFollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(note, "note");
    }
}

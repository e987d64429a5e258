package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The mapping of one area in one enrolment: status, the coach's text, the date, who took part. */
public record MappingEntry(UUID id, UUID enrolmentId, MappingArea area, MappingStatus status, String text,
        LocalDate date, Set<Actor> actors, String otherActors) {

    public MappingEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(status, "status");
        actors = Set.copyOf(actors);
    }

    /** An area nobody has touched yet. */
    public static MappingEntry notStarted(UUID enrolmentId, MappingArea area) {
        return new MappingEntry(UUID.randomUUID(), enrolmentId, area, MappingStatus.NOT_STARTED, null, null, Set.of(), null);
    }
}

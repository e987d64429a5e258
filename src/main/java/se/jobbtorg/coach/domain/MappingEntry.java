package se.jobbtorg.coach.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The mapping of one area in one enrolment: status, the coach's text, the date, who took part.
 * Entries are only added: a change is a new entry that supersedes the earlier one.
 */
public record MappingEntry(
        UUID id,
        UUID enrolmentId,
        MappingArea area,
        MappingStatus status,
        String text,
        LocalDate date,
        Set<Actor> actors,
        String otherActors,
        UUID supersedes) {

    public MappingEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(status, "status");
        actors = Set.copyOf(actors);
    }

    /** An area nobody has touched yet; the same id every time, so a reload changes nothing. */
    public static MappingEntry notStarted(UUID enrolmentId, MappingArea area) {
        UUID id = UUID.nameUUIDFromBytes((enrolmentId + "/" + area.code()).getBytes(StandardCharsets.UTF_8));
        return new MappingEntry(id, enrolmentId, area, MappingStatus.NOT_STARTED, null, null, Set.of(), null, null);
    }

    /** The entry that replaces this one with new content; this one stays as history. */
    public MappingEntry next(
            MappingStatus newStatus,
            String newText,
            LocalDate newDate,
            Set<Actor> newActors,
            String newOtherActors,
            boolean stored) {
        return new MappingEntry(
                UUID.randomUUID(),
                enrolmentId,
                area,
                newStatus,
                newText,
                newDate,
                newActors,
                newOtherActors,
                stored ? id : null);
    }
}

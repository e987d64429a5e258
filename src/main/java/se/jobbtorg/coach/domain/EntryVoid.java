package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An append-only entry marked as entered in error ("makulerad"): the entry stays in the history,
 * struck through with this reason, and no longer counts anywhere. A void is itself an entry only
 * ever added, so voids from several laptops merge in any order (decision 0009).
 *
 * @param entryId the meeting (or other entry of the kind) voided
 * @param coachId who voided it
 */
public record EntryVoid(UUID id, Kind kind, UUID entryId, String reason, UUID coachId, LocalDate voidedOn) {

    /** The kinds of entry a void can name: each has its own column (the reference it holds). */
    public enum Kind {
        MEETING,
        MAPPING_ENTRY,
        ACTIVITY_FOLLOW_UP,
        DEADLINE_REASON
    }

    public static final String FIELD_REASON = "reason";

    public EntryVoid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(voidedOn, "voidedOn");
        if (Text.isBlank(reason)) {
            throw new IllegalArgumentException("a void says why");
        }
    }
}

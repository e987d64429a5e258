package se.jobbtorg.coach.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An append-only entry marked as entered in error ("makulerad"): the entry stays in the history,
 * struck through with this reason, and no longer counts anywhere. A void is itself an entry only
 * ever added, so voids from several laptops merge in any order (decision 0009).
 *
 * <p>An exit, or the check a month after it, entered in error is undone the same way: the
 * enrolment's fields are emptied (it reopens, or waits for its check again) and a void of kind
 * {@link Kind#EXIT} or {@link Kind#EXIT_CHECK} keeps why, naming the enrolment and the date undone.
 *
 * @param entryId the meeting (or other entry of the kind) voided; the enrolment for an exit or check
 * @param coachId who voided it
 * @param undoneDate the date of the exit or check undone; null for the other kinds
 */
public record EntryVoid(
        UUID id, Kind kind, UUID entryId, String reason, UUID coachId, LocalDate voidedOn, LocalDate undoneDate) {

    /** The kinds of entry a void can name: each has its own column (the reference it holds). */
    public enum Kind {
        MEETING,
        MAPPING_ENTRY,
        ACTIVITY_FOLLOW_UP,
        DEADLINE_REASON,
        /** An enrolment's exit, undone: the enrolment is open again. */
        EXIT,
        /** The check a month after an exit, undone: it is to be made again. */
        EXIT_CHECK;

        /** Whether this kind undoes fields of the enrolment rather than naming an entry of its own. */
        public boolean ofEnrolment() {
            return this == EXIT || this == EXIT_CHECK;
        }
    }

    public static final String FIELD_REASON = "reason";

    public EntryVoid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(coachId, "coachId");
        Objects.requireNonNull(voidedOn, "voidedOn");
        if (kind.ofEnrolment() != (undoneDate != null)) {
            throw new IllegalArgumentException("the date undone is given for an exit or its check, and only then");
        }
        if (Text.isBlank(reason)) {
            throw new IllegalArgumentException("a void says why");
        }
    }

    /** A void of an entry of its own (a meeting, a mapping entry, a follow-up, a reason). */
    public EntryVoid(UUID id, Kind kind, UUID entryId, String reason, UUID coachId, LocalDate voidedOn) {
        this(id, kind, entryId, reason, coachId, voidedOn, null);
    }
}

package se.jobbtorg.coach.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One entry of the audit trail: when, who (the user of the database and its device), what, and
 * which records, by id only. Never changed once written; deleted only by retention.
 *
 * @param userId the coach id of the database's user; null before one was chosen
 * @param detail a code or an id (the kind of report, a package or device id), never free text
 */
public record AuditEntry(
        UUID id,
        Instant at,
        UUID userId,
        String deviceId,
        AuditAction action,
        UUID participantId,
        UUID enrolmentId,
        UUID recordId,
        String detail) {
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(action, "action");
    }

    /** Which records an entry is about: any of them may be null. */
    public record About(UUID participantId, UUID enrolmentId, UUID recordId, String detail) {
        public static final About NOTHING = new About(null, null, null, null);

        public static About participant(UUID participantId) {
            return new About(participantId, null, null, null);
        }

        public static About enrolment(UUID participantId, UUID enrolmentId) {
            return new About(participantId, enrolmentId, null, null);
        }

        public static About record(UUID participantId, UUID enrolmentId, UUID recordId) {
            return new About(participantId, enrolmentId, recordId, null);
        }

        public static About detail(String detail) {
            return new About(null, null, null, detail);
        }
    }

    /**
     * What a team lead asks of the trail; every part may be null (no limit there). The days are
     * whole days in the zone given, both included.
     */
    public record Filter(
            UUID participantId, UUID userId, LocalDate from, LocalDate to, Set<AuditAction.Kind> kinds, ZoneId zone) {
        public Filter {
            Objects.requireNonNull(zone, "zone");
            kinds = kinds == null ? null : Set.copyOf(kinds);
        }

        public static Filter everything(ZoneId zone) {
            return new Filter(null, null, null, null, null, zone);
        }
    }

    /** A user who opened the pages of many people outside their own caseload on one day. */
    public record UnusualReading(UUID userId, LocalDate day, int people) {}
}
